using CsvHelper;
using KerasInspect.Core.Audit;

namespace KerasInspect.Reports.Csv;

/// <summary>One row per file (<c>--summary-csv</c>): its format, version, layer count, totals, verdict and error.</summary>
public sealed class SummaryCsvWriter : IReportWriter
{
    public string Name => "summary-csv";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        Write(run.Reports, output);
    }

    public static readonly IReadOnlyList<string> Columns =
        ["file", "format", "keras_version", "layers", "expected", "stored", "trainable", "non_trainable", "verdict", "error"];

    public static void Write(IReadOnlyList<FileReport> reports, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var csv = CsvWriter.Create(output, CsvReportWriter.Options(), leaveOpen: true);
        CsvReportWriter.WriteRecord(csv, Columns);
        foreach (var report in reports)
        {
            var failed = report.Error is not null;
            CsvReportWriter.WriteRecord(csv,
            [
                report.Path ?? "", report.Format, report.KerasVersion ?? "",
                failed ? "" : CsvReportWriter.Number(report.Layers.Count),
                failed ? "" : CsvReportWriter.Number(report.ExpectedParams),
                CsvReportWriter.Number(report.StoredParams),
                failed ? "" : CsvReportWriter.Number(report.TrainableParams),
                failed ? "" : CsvReportWriter.Number(report.NonTrainableParams),
                ReportText.FileVerdict(report), report.Error?.Message ?? "",
            ]);
        }

        csv.Flush();
    }
}
