using System.Globalization;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Reports.Text;

/// <summary>
/// A plain-text table of a report in the spirit of Keras' <c>model.summary()</c>: one row per layer (nested models
/// indented), its shapes, expected parameters, verdict and derivation; then totals and findings.
/// </summary>
public static class LayerTableWriter
{
    public static void Write(FileReport report, TextWriter output, bool showVerdict)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string[] headings = showVerdict
            ? ["layer", "class", "input shape", "output shape", "params", "verdict", "derivation"]
            : ["layer", "class", "input shape", "output shape", "params", "derivation"];
        var rows = Rows(report.Layers, 0, showVerdict).ToList();
        var widths = Enumerable.Range(0, headings.Length).Select(c => rows.Select(r => r[c].Length).Append(headings[c].Length).Max()).ToArray();
        var paramsColumn = 4;
        WriteRow(output, headings, widths, paramsColumn);
        WriteRow(output, [.. widths.Select(w => new string('-', w))], widths, paramsColumn);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths, paramsColumn);
        }

        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Total params: {report.ExpectedParams:N0} (trainable {report.TrainableParams:N0}, non-trainable {report.NonTrainableParams:N0})"));
        if (report.UnverifiedLayers > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unverified layers: {report.UnverifiedLayers} (not included in the totals)"));
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings:");
            foreach (var finding in report.Findings)
            {
                var layer = finding.Layer is null ? "" : $"{finding.Layer}: ";
                output.WriteLine($"  {finding.Code} {finding.Severity.ToString().ToLowerInvariant()}: {layer}{finding.Message}");
            }
        }
    }

    private static IEnumerable<string[]> Rows(IReadOnlyList<LayerReport> layers, int depth, bool showVerdict)
    {
        foreach (var layer in layers)
        {
            var expected = layer.Expected;
            var count = expected.ExpectedParams?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
            List<string> cells =
            [
                new string(' ', 2 * depth) + expected.Layer.Name,
                expected.Layer.ClassName,
                Shapes(expected.InputShapes),
                Shapes(expected.OutputShapes),
                count,
            ];
            if (showVerdict)
            {
                cells.Add(layer.Verdict == Verdict.NoWeights ? "no-weights" : layer.Verdict.ToString().ToLowerInvariant());
            }

            cells.Add(expected.Derivation ?? "unverified: see findings");
            yield return [.. cells];
            foreach (var child in Rows(layer.Children, depth + 1, showVerdict))
            {
                yield return child;
            }
        }
    }

    private static string Shapes(IReadOnlyList<Shape?> shapes) =>
        shapes.Count == 0 ? "" : string.Join(" ", shapes.Select(s => s?.ToString() ?? "?"));

    private static void WriteRow(TextWriter output, string[] cells, int[] widths, int rightAligned)
    {
        var parts = cells.Select((cell, c) => c == rightAligned ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
