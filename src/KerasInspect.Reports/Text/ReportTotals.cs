using System.Globalization;
using KerasInspect.Core.Audit;

namespace KerasInspect.Reports.Text;

/// <summary>How a total is shown: a colour or weight on a terminal, nothing in plain text.</summary>
internal enum Emphasis
{
    None,
    Strong,
    Good,
    Warning,
    Bad,
}

/// <summary>The totals under a file's layer table, the same lines in plain text and on a terminal.</summary>
internal static class ReportTotals
{
    /// <param name="style">Renders a value with its emphasis (plain text leaves it as it is).</param>
    /// <param name="pointsBelow">Whether the unsafe-content line adds ", listed below".</param>
    public static IEnumerable<string> Lines(FileReport report, Func<string, Emphasis, string> style, bool pointsBelow)
    {
        yield return $"Total params: {style(ReportText.Count(report.ExpectedParams), Emphasis.Strong)} (trainable {ReportText.Count(report.TrainableParams)}, non-trainable {ReportText.Count(report.NonTrainableParams)})";
        if (report.StoredParams is { } stored)
        {
            yield return $"Stored params: {style(ReportText.Count(stored), Emphasis.Strong)}";
        }

        if (report.OptimizerTensors is > 0 and var optimizer)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Optimizer tensors: {optimizer} (not parameters, not counted)");
        }

        if (report.UnverifiedLayers > 0)
        {
            yield return $"Unverified layers: {style(report.UnverifiedLayers.ToString(CultureInfo.InvariantCulture), Emphasis.Warning)} (not included in the expected total)";
        }

        yield return report.UnsafeFindings == 0
            ? $"Unsafe content: {style("none found", Emphasis.Good)}"
            : $"Unsafe content: {style(string.Create(CultureInfo.InvariantCulture, $"{report.UnsafeFindings} finding(s)"), Emphasis.Bad)}{(pointsBelow ? ", listed below" : "")}";
    }
}
