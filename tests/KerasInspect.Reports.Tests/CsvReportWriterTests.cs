using CsvHelper;
using KerasInspect.Reports.Csv;

namespace KerasInspect.Reports.Tests;

public sealed class CsvReportWriterTests
{
    [Fact]
    public void Layers_csv_matches_the_golden_file()
    {
        var output = new StringWriter();

        CsvReportWriter.Write(ReportSamples.Run(), output);

        Golden.Assert("run.csv", output.ToString());
    }

    [Fact]
    public void Summary_csv_matches_the_golden_file()
    {
        var output = new StringWriter();

        SummaryCsvWriter.Write(ReportSamples.Run(), output);

        Golden.Assert("run-summary.csv", output.ToString());
    }

    [Fact]
    public void Csv_reads_back_with_csvhelper_one_row_per_layer_or_error_and_escapes_formulas()
    {
        var output = new StringWriter();
        CsvReportWriter.Write(ReportSamples.Run(), output);

        var rows = ReadAll(output.ToString());

        Assert.Equal(CsvReportWriter.Columns, rows[0]);
        Assert.Equal(4, rows.Count); // header, lstm, the hostile Dense, the unreadable file
        Assert.All(rows, row => Assert.Equal(CsvReportWriter.Columns.Count, row.Length));
        var hostile = rows[2];
        Assert.Equal("'=HYPERLINK(\"http://x\",\"a,b\")", hostile[2]); // a leading quote keeps a spreadsheet from running it
        Assert.Equal(("84", "84", "match"), (hostile[6], hostile[7], hostile[10]));
        Assert.Equal(("error", "broken.h5: / (byte 40): the file is truncated: its superblock records 6404 bytes, the file has 5000"), (rows[3][10], rows[3][12]));
        Assert.Equal(12_416L + 84, rows.Skip(1).Where(r => r[6].Length > 0).Sum(r => long.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static List<string[]> ReadAll(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        return rows;
    }
}
