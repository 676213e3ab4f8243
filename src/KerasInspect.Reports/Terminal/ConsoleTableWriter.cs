using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Reports.Text;
using Spectre.Console;

namespace KerasInspect.Reports.Terminal;

/// <summary>
/// The report for a terminal: Spectre.Console tables that fit the window, verdicts in colour. Used only when output is
/// a terminal; redirected output and <c>NO_COLOR</c> get the plain <see cref="LayerTableWriter"/> tables.
/// </summary>
public static class ConsoleTableWriter
{
    public static void Write(IAnsiConsole console, FileReport report, bool explain)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var crossCheck = report.StoredParams is not null;
        console.MarkupLine($"[bold]{Markup.Escape(report.Path ?? "calc")}[/]: {Markup.Escape(report.Format)}{(report.KerasVersion is { } v ? $", Keras {Markup.Escape(v)}" : "")}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("layer");
        table.AddColumn("class");
        table.AddColumn("output shape");
        table.AddColumn(new TableColumn("expected").RightAligned());
        if (crossCheck)
        {
            table.AddColumn(new TableColumn("stored").RightAligned());
        }

        table.AddColumn("verdict");
        if (explain || !crossCheck)
        {
            table.AddColumn("derivation");
        }

        foreach (var (layer, depth) in Flatten(report.Layers, 0))
        {
            var cells = new List<string>
            {
                Markup.Escape(new string(' ', 2 * depth) + layer.Name),
                Markup.Escape(layer.ClassName),
                Markup.Escape(ReportText.Shapes(layer.Expected?.OutputShapes)),
                ReportText.Count(layer.Expected?.ExpectedParams),
            };
            if (crossCheck)
            {
                cells.Add(ReportText.Count(layer.StoredParams));
            }

            cells.Add($"[{Colour(layer.Verdict)}]{ReportText.Verdict(layer.Verdict)}[/]");
            if (explain || !crossCheck)
            {
                cells.Add(Markup.Escape(layer.Expected?.Derivation ?? ""));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        foreach (var line in ReportTotals.Lines(report, Styled, pointsBelow: false))
        {
            console.MarkupLine(line);
        }

        foreach (var finding in report.Findings)
        {
            console.MarkupLine($"  [{Colour(finding.Severity)}]{Markup.Escape(ReportText.Finding(finding))}[/]");
        }
    }

    /// <summary>One line per file, after a run over several.</summary>
    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<FileReport> reports, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded).Title("Summary");
        table.AddColumn("file");
        table.AddColumn(new TableColumn("expected").RightAligned());
        table.AddColumn(new TableColumn("stored").RightAligned());
        table.AddColumn("verdict");
        foreach (var report in reports)
        {
            table.AddRow(
                Markup.Escape(report.Path ?? "calc"),
                report.Error is null ? ReportText.Count(report.ExpectedParams) : "",
                report.StoredParams is { } s ? ReportText.Count(s) : "",
                Markup.Escape(ReportText.FileVerdict(report)));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(ReportText.RunSummary(summary, namesFailOn: false)));
    }

    private static IEnumerable<(LayerReport Layer, int Depth)> Flatten(IReadOnlyList<LayerReport> layers, int depth) =>
        layers.SelectMany(l => Flatten(l.Children, depth + 1).Prepend((l, depth)));

    private static string Styled(string value, Emphasis emphasis) => emphasis switch
    {
        Emphasis.Strong => $"[bold]{value}[/]",
        Emphasis.Good => $"[green]{value}[/]",
        Emphasis.Warning => $"[yellow]{value}[/]",
        Emphasis.Bad => $"[red]{value}[/]",
        _ => value,
    };

    private static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Match or Verdict.NoWeights => "green",
        Verdict.Unverified => "yellow",
        _ => "red",
    };

    private static string Colour(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "grey",
        DiagnosticSeverity.Warning or DiagnosticSeverity.Unverified => "yellow",
        _ => "red",
    };
}
