using System.Globalization;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Diff;

namespace KerasInspect.Reports.Diff;

/// <summary>
/// The terminal report of a diff: per model, unsafe findings NEW adds first, then the totals, then one row per layer
/// pair (<c>~</c> changed, <c>+</c> added, <c>-</c> removed, <c>=</c> unchanged) with what changed.
/// </summary>
public static class DiffTableWriter
{
    private static readonly (string Heading, bool RightAligned)[] Columns =
    [
        ("", false), ("layer", false), ("class", false), ("output shape", false), ("expected", true), ("stored", true),
        ("verdict", false), ("changes", false),
    ];

    public static void Write(IReadOnlyList<ModelDiff> models, DiffSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < models.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            WriteModel(models[i], output);
        }

        if (models.Count > 1)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Models} models: {summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Added} added, {summary.Removed} removed, {summary.Unreadable} unreadable; params {DiffText.RunTotals(models)}; {summary.Failing} failing"));
        }
    }

    private static void WriteModel(ModelDiff diff, TextWriter output)
    {
        output.WriteLine($"OLD {Side(diff.OldPath, diff.Old)}");
        output.WriteLine($"NEW {Side(diff.NewPath, diff.New)}");
        foreach (var error in new[] { diff.Old?.Error, diff.New?.Error }.OfType<FileError>())
        {
            output.WriteLine($"error: {error.Message}");
        }

        if (!diff.Readable)
        {
            return;
        }

        foreach (var finding in diff.UnsafeAdded)
        {
            output.WriteLine($"UNSAFE ADDED: {DiffText.Finding(finding)}");
        }

        output.WriteLine($"Params ({diff.Basis}): {DiffText.Totals(diff)}; {DiffText.Trainable(diff)}");
        output.WriteLine($"File size: {DiffText.Size(diff)}");
        foreach (var finding in diff.UnsafeRemoved)
        {
            output.WriteLine($"Unsafe removed: {DiffText.Finding(finding)}");
        }

        foreach (var failure in diff.Failures)
        {
            output.WriteLine($"FAIL: {failure}");
        }

        if (diff.Old is null || diff.New is null)
        {
            return;
        }

        output.WriteLine($"Layers: {DiffText.LayerCounts(diff)}");
        output.WriteLine();
        var rows = diff.Layers.Select(Row).ToList();
        var widths = Columns.Select((c, i) => rows.Select(r => r[i].Length).Append(c.Heading.Length).Max()).ToArray();
        WriteRow(output, [.. Columns.Select(c => c.Heading)], widths);
        WriteRow(output, [.. widths.Select((w, i) => new string(i == 0 ? ' ' : '-', w))], widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static string Side(string? path, FileReport? report) => path is null ? "(none)"
        : report is null || report.Error is not null ? path
        : $"{path} ({report.Format}{(report.KerasVersion is { } v ? ", Keras " + v : "")})";

    private static string[] Row(LayerDiff layer)
    {
        var marker = layer.Pairing switch
        {
            PairingKind.Added => "+",
            PairingKind.Removed => "-",
            _ => layer.IsChanged ? "~" : "=",
        };
        var changes = string.Join("; ", new[] { DiffText.Config(layer.ConfigChanges), DiffText.Notes(layer) }.Where(s => s.Length > 0));
        return
        [
            marker, DiffText.Layer(layer), DiffText.Class(layer), DiffText.Shapes(layer),
            DiffText.Counts(layer.Old?.ExpectedParams, layer.New?.ExpectedParams, layer.Old is not null, layer.New is not null, layer.ExpectedDelta),
            DiffText.Counts(layer.Old?.StoredParams, layer.New?.StoredParams, layer.Old is not null, layer.New is not null, layer.StoredDelta),
            DiffText.Verdict(layer), changes,
        ];
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var parts = cells.Select((cell, c) => Columns[c].RightAligned ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
