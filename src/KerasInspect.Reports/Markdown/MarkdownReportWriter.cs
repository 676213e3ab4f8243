using System.Globalization;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Reports.Markdown;

/// <summary>
/// A compact report for a pull-request comment: a table of per-file totals, then, for each file that needs attention,
/// only the layers that do (with their derivations) and the findings above info.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Name => "markdown";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        Write(run.Reports, run.Summary ?? throw new ArgumentException("the markdown report needs the run's summary", nameof(run)), output);
    }

    public static void Write(IReadOnlyList<FileReport> reports, RunSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("## KerasInspect report");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Files} file(s): {summary.Files - summary.Unreadable - summary.Failing} clean, {summary.Failing} failing --fail-on {summary.FailOn}, {summary.Unreadable} unreadable. Exit code {summary.ExitCode}."));
        output.WriteLine();
        output.WriteLine("| file | format | layers | expected params | stored params | verdict |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var report in reports)
        {
            var failed = report.Error is not null;
            output.WriteLine($"| {Code(report.Path ?? "calc")} | {Cell(report.Format)} | {(failed ? "" : report.Layers.Count.ToString(CultureInfo.InvariantCulture))} | {(failed ? "" : ReportText.Count(report.ExpectedParams))} | {(report.StoredParams is { } s ? ReportText.Count(s) : "")} | {Cell(ReportText.FileVerdict(report))} |");
        }

        foreach (var report in reports.Where(NeedsAttention))
        {
            output.WriteLine();
            output.WriteLine($"### {Code(report.Path ?? "calc")}: {Cell(ReportText.FileVerdict(report))}");
            output.WriteLine();
            if (report.Error is { } error)
            {
                output.WriteLine(Cell(error.Message));
                continue;
            }

            var layers = report.Layers.Where(l => l.Verdict is not (Verdict.Match or Verdict.NoWeights)).ToList();
            if (layers.Count > 0)
            {
                output.WriteLine("| layer | class | expected | stored | verdict | derivation |");
                output.WriteLine("| --- | --- | ---: | ---: | --- | --- |");
                foreach (var layer in layers)
                {
                    output.WriteLine($"| {Cell(layer.Name)} | {Cell(layer.ClassName)} | {ReportText.Count(layer.Expected?.ExpectedParams)} | {ReportText.Count(layer.StoredParams)} | {ReportText.Verdict(layer.Verdict)} | {Cell(layer.Expected?.Derivation ?? "")} |");
                }

                output.WriteLine();
            }

            foreach (var finding in report.Findings.Where(f => f.Severity > DiagnosticSeverity.Info))
            {
                output.WriteLine($"- **{finding.Code}** {Cell(ReportText.Severity(finding.Severity))}: {(finding.Layer is null ? "" : Code(finding.Layer) + ": ")}{Cell(finding.Message)}");
            }
        }
    }

    private static bool NeedsAttention(FileReport report) =>
        report.Error is not null || report.Findings.Any(f => f.Severity > DiagnosticSeverity.Info)
        || report.Layers.Any(l => l.Verdict is not (Verdict.Match or Verdict.NoWeights));

    /// <summary>Text safe inside a table cell: pipes escaped, line breaks flattened, HTML-significant characters escaped.</summary>
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
