using System.Globalization;
using System.Text;
using KerasInspect.Core.Diff;

namespace KerasInspect.Reports.Diff;

/// <summary>
/// A diff for a pull-request comment: the totals line first (led by any unsafe finding NEW adds), then per changed
/// model only its changed layers. The whole comment stays under <see cref="MaxLength"/> characters, GitHub's limit
/// for a comment: rows that would not fit are counted in a closing line instead.
/// </summary>
public static class DiffMarkdownWriter
{
    public const int MaxLength = 65_536;

    /// <summary>Room kept for the closing lines after the last row that fits.</summary>
    private const int Reserve = 1_024;

    public static void Write(IReadOnlyList<ModelDiff> models, DiffSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Render(models, summary));
    }

    public static string Render(IReadOnlyList<ModelDiff> models, DiffSummary summary)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var unsafeAdded = models.SelectMany(m => m.UnsafeAdded).ToList();
        var lead = unsafeAdded.Count == 0 ? ""
            : $"⚠️ **{unsafeAdded.Count} unsafe finding(s) added: {string.Join(", ", unsafeAdded.Select(f => f.Layer is null ? f.Code : $"{f.Code} {Code(f.Layer)}"))}** · ";
        if (models.Count == 1)
        {
            text.Append("**kerasinspect diff** ").Append(lead).AppendLine(ModelLine(models[0]));
        }
        else
        {
            text.Append("**kerasinspect diff** ").Append(lead).AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Models} models: {summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Added} added, {summary.Removed} removed, {summary.Unreadable} unreadable · params {DiffText.RunTotals(models)} · {summary.Failing} failing · exit code {summary.ExitCode}"));
        }

        var omitted = 0;
        foreach (var model in models.Where(m => m.Status != "unchanged"))
        {
            if (text.Length + Reserve > MaxLength)
            {
                omitted += Math.Max(1, model.ChangedLayers.Count);
                continue;
            }

            if (models.Count > 1)
            {
                text.AppendLine().AppendLine($"#### {Code(model.NewPath ?? model.OldPath ?? "")}: {model.Status}").AppendLine();
                if (model.Readable)
                {
                    text.AppendLine(ModelLine(model));
                }
            }

            foreach (var error in new[] { model.Old?.Error, model.New?.Error }.OfType<Core.Audit.FileError>())
            {
                text.AppendLine($"- error: {Cell(error.Message)}");
            }

            foreach (var finding in model.UnsafeAdded)
            {
                text.AppendLine($"- ⚠️ **unsafe added** {Cell(DiffText.Finding(finding))}");
            }

            foreach (var finding in model.UnsafeRemoved)
            {
                text.AppendLine($"- unsafe removed: {Cell(DiffText.Finding(finding))}");
            }

            foreach (var failure in model.Failures)
            {
                text.AppendLine($"- **fails:** {Cell(failure)}");
            }

            var changed = model.ChangedLayers;
            if (changed.Count == 0)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine("| | layer | class | config | output shape | expected | stored | verdict | notes |");
            text.AppendLine("| --- | --- | --- | --- | --- | ---: | ---: | --- | --- |");
            for (var i = 0; i < changed.Count; i++)
            {
                var row = Row(changed[i]);
                if (text.Length + row.Length + Reserve > MaxLength)
                {
                    omitted += changed.Count - i;
                    break;
                }

                text.AppendLine(row);
            }
        }

        if (omitted > 0)
        {
            text.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"… {omitted} more changed layer(s) not shown to keep this comment under {MaxLength:N0} characters; see the JSON or CSV report."));
        }

        return text.ToString();
    }

    private static string ModelLine(ModelDiff model) => !model.Readable
        ? $"{Code(model.OldPath ?? "(none)")} {DiffText.Arrow} {Code(model.NewPath ?? "(none)")}: not compared, an input is unreadable"
        : $"{Code(model.OldPath ?? "(none)")} {DiffText.Arrow} {Code(model.NewPath ?? "(none)")}: params {DiffText.Totals(model)} · {DiffText.Trainable(model)} · size {DiffText.Size(model)}"
        + (model.Old is not null && model.New is not null ? $" · layers {DiffText.LayerCounts(model)}" : "");

    private static string Row(LayerDiff layer)
    {
        var marker = layer.Pairing switch
        {
            PairingKind.Added => "+",
            PairingKind.Removed => "−",
            _ => "~",
        };
        return $"| {marker} | {Code(DiffText.Layer(layer))} | {Cell(DiffText.Class(layer))} | {Cell(DiffText.Config(layer.ConfigChanges))} | {Cell(DiffText.Shapes(layer))} "
            + $"| {DiffText.Counts(layer.Old?.ExpectedParams, layer.New?.ExpectedParams, layer.Old is not null, layer.New is not null, layer.ExpectedDelta)} "
            + $"| {DiffText.Counts(layer.Old?.StoredParams, layer.New?.StoredParams, layer.Old is not null, layer.New is not null, layer.StoredDelta)} "
            + $"| {Cell(DiffText.Verdict(layer))} | {Cell(DiffText.Notes(layer))} |";
    }

    /// <summary>Text safe inside a table cell (as the inspect report writes it): pipes escaped, line breaks flattened, HTML escaped.</summary>
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>A code span that a backtick in untrusted text cannot break out of.</summary>
    private static string Code(string text)
    {
        var cell = Cell(text);
        var fence = cell.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        return fence + cell + (fence.Length > 1 ? " ``" : "`");
    }
}
