using System.Globalization;
using KerasInspect.Core;

namespace KerasInspect.Reports;

/// <summary>
/// A plain-text table of the weights a file stores: one row per tensor (or per weightless layer), then totals.
/// Numbers use the invariant culture with thousands separators.
/// </summary>
public static class StoredWeightsTableWriter
{
    private static readonly string[] Headings = ["layer", "tensor", "shape", "dtype", "params"];

    public static void Write(StoredWeights weights, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Title(weights));
        output.WriteLine();

        var rows = weights.Layers.SelectMany(Rows).ToList();
        var widths = Enumerable.Range(0, Headings.Length)
            .Select(c => rows.Select(r => r[c].Length).Append(Headings[c].Length).Max())
            .ToArray();
        WriteRow(output, Headings, widths);
        WriteRow(output, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }

        output.WriteLine();
        var tensors = weights.Layers.Sum(l => l.Tensors.Count);
        var withWeights = weights.Layers.Count(l => l.Tensors.Count > 0);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Plural(weights.Layers.Count, "layer")} ({withWeights} with weights), {Plural(tensors, "tensor")}, {Count(weights.ParameterCount)} stored parameters"));
    }

    private static string Title(StoredWeights weights)
    {
        var facts = new List<string> { weights.Format };
        if (weights.KerasVersion is { } version)
        {
            facts.Add($"Keras {version}");
        }

        if (weights.Backend is { } backend)
        {
            facts.Add($"backend {backend}");
        }

        return $"{weights.File}: {string.Join(", ", facts)}";
    }

    private static IEnumerable<string[]> Rows(StoredLayer layer)
    {
        if (layer.Tensors.Count == 0)
        {
            yield return [layer.Name, "(no weights)", "", "", "0"];
            yield break;
        }

        foreach (var tensor in layer.Tensors)
        {
            yield return [layer.Name, tensor.Name, ShapeText(tensor.Shape), tensor.ElementType, Count(tensor.ElementCount)];
        }
    }

    private static string ShapeText(IReadOnlyList<long> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Count(long? count) =>
        count is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) : "overflow";

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var last = cells.Length - 1;
        var parts = cells.Select((cell, c) => c == last ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
