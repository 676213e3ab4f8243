using System.Globalization;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Reports.Text;

/// <summary>
/// A plain-text table of a report in the spirit of Keras' <c>model.summary()</c>: one row per layer (nested models
/// indented), then totals and findings. <c>explain</c> adds each layer's derivation and tensor-by-tensor comparison.
/// </summary>
public static class LayerTableWriter
{
    public static void Write(FileReport report, TextWriter output, TableStyle style, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var columns = Columns(style);
        var rows = Rows(report.Layers, 0, style).ToList();
        var widths = columns.Select((c, i) => rows.Select(r => r.Cells[i].Length).Append(c.Heading.Length).Max()).ToArray();
        WriteRow(output, [.. columns.Select(c => c.Heading)], widths, columns);
        WriteRow(output, [.. widths.Select(w => new string('-', w))], widths, columns);
        foreach (var row in rows)
        {
            WriteRow(output, row.Cells, widths, columns);
            if (explain)
            {
                Explain(output, row.Layer, row.Depth, style);
            }
        }

        output.WriteLine();
        Totals(report, output);
        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings:");
            foreach (var finding in report.Findings)
            {
                output.WriteLine($"  {ReportText.Finding(finding)}");
            }
        }
    }

    private static (string Heading, bool RightAligned)[] Columns(TableStyle style) => style switch
    {
        TableStyle.Formulas => [("layer", false), ("class", false), ("input shape", false), ("output shape", false), ("params", true), ("derivation", false)],
        TableStyle.Config => [("layer", false), ("class", false), ("input shape", false), ("output shape", false), ("params", true), ("verdict", false), ("derivation", false)],
        _ => [("layer", false), ("class", false), ("output shape", false), ("expected", true), ("stored", true), ("verdict", false)],
    };

    private static IEnumerable<(string[] Cells, LayerReport Layer, int Depth)> Rows(IReadOnlyList<LayerReport> layers, int depth, TableStyle style)
    {
        foreach (var layer in layers)
        {
            var expected = layer.Expected;
            var name = new string(' ', 2 * depth) + layer.Name;
            var count = ReportText.Count(expected?.ExpectedParams);
            var outputs = expected is null ? "" : ReportText.Shapes(expected.OutputShapes);
            string[] cells = style switch
            {
                TableStyle.Formulas => [name, layer.ClassName, ReportText.Shapes(expected?.InputShapes), outputs, count, Derivation(layer)],
                TableStyle.Config => [name, layer.ClassName, ReportText.Shapes(expected?.InputShapes), outputs, count, ReportText.Verdict(layer.Verdict), Derivation(layer)],
                _ => [name, layer.ClassName, outputs, count, ReportText.Count(layer.StoredParams), ReportText.Verdict(layer.Verdict)],
            };
            yield return (cells, layer, depth);
            foreach (var child in Rows(layer.Children, depth + 1, style))
            {
                yield return child;
            }
        }
    }

    private static void Explain(TextWriter output, LayerReport layer, int depth, TableStyle style)
    {
        var indent = new string(' ', (2 * depth) + 4);
        if (style == TableStyle.CrossCheck && layer.Expected?.Derivation is { } derivation)
        {
            output.WriteLine($"{indent}{derivation}");
        }

        foreach (var tensor in layer.Tensors)
        {
            var expected = tensor.ExpectedShape is null ? "not expected" : $"expected {ShapeText.Of(tensor.ExpectedShape)}";
            var stored = tensor.StoredShape is null ? "not stored" : $"stored {ShapeText.Of(tensor.StoredShape)} at {tensor.StoredPath}";
            var hint = tensor.Hint is null ? "" : $" ({tensor.Hint})";
            output.WriteLine($"{indent}{tensor.Name}: {expected}, {stored}: {ReportText.Verdict(tensor.Verdict)}{hint}");
        }
    }

    private static void Totals(FileReport report, TextWriter output)
    {
        foreach (var line in ReportTotals.Lines(report, (value, _) => value, pointsBelow: true))
        {
            output.WriteLine(line);
        }
    }

    private static string Derivation(LayerReport layer) => layer.Expected?.Derivation ?? "unverified: see findings";


    private static void WriteRow(TextWriter output, string[] cells, int[] widths, (string Heading, bool RightAligned)[] columns)
    {
        var parts = cells.Select((cell, c) => columns[c].RightAligned ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
