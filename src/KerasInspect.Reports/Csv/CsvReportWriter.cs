using System.Globalization;
using CsvHelper;
using KerasInspect.Core.Audit;

namespace KerasInspect.Reports.Csv;

/// <summary>
/// One row per layer (a nested model is one row) with fixed columns, invariant culture, RFC 4180 quoting, and cells
/// that a spreadsheet would run as a formula escaped: layer names come from untrusted files. An unreadable file is
/// one row with verdict <c>error</c> and the message in <c>detail</c>.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "file", "model", "layer", "class", "input_shape", "output_shape", "expected_params", "stored_params",
        "trainable_params", "non_trainable_params", "verdict", "derivation", "detail",
    ];

    public string Name => "csv";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        Write(run.Reports, output);
    }

    public static void Write(IReadOnlyList<FileReport> reports, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var csv = CsvWriter.Create(output, Options(), leaveOpen: true);
        WriteRecord(csv, Columns);
        foreach (var report in reports)
        {
            if (report.Error is { } error)
            {
                WriteRecord(csv, [report.Path ?? "", report.Model ?? "", "", "", "", "", "", "", "", "", "error", "", error.Message]);
                continue;
            }

            foreach (var layer in report.Layers)
            {
                var expected = layer.Expected;
                var detail = string.Join("; ", report.Findings.Where(f => f.Layer == layer.Name).Select(f => $"{f.Code} {f.Message}"));
                WriteRecord(csv,
                [
                    report.Path ?? "", report.Model ?? "", layer.Name, layer.ClassName,
                    ReportText.Shapes(expected?.InputShapes), ReportText.Shapes(expected?.OutputShapes),
                    Number(expected?.ExpectedParams), Number(layer.StoredParams),
                    Number(expected?.TrainableParams), Number(expected?.NonTrainableParams),
                    ReportText.Verdict(layer.Verdict), expected?.Derivation ?? "", detail,
                ]);
            }
        }

        csv.Flush();
    }

    /// <summary>RFC 4180, invariant culture, and formula-looking cells escaped (CSV injection).</summary>
    internal static CsvWriterOptions Options() => new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };

    internal static void WriteRecord(CsvWriter csv, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }

    internal static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
