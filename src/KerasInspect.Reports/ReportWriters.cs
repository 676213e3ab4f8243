using KerasInspect.Reports.Csv;
using KerasInspect.Reports.Json;
using KerasInspect.Reports.Markdown;
using KerasInspect.Reports.Text;

namespace KerasInspect.Reports;

/// <summary>The report formats of <c>--format</c>, one writer each.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TableReportWriter(),
        new CsvReportWriter(),
        new JsonReportWriter(),
        new MarkdownReportWriter(),
    ];

    /// <summary>The writer of that name; the table for any other.</summary>
    public static IReportWriter For(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal)) ?? All[0];
}
