using KerasInspect.Reports.Diff;

namespace KerasInspect.Reports.Tests.Diff;

/// <summary>Every diff format of <see cref="DiffSamples"/> against its golden file; the numbers are worked in DiffSamples.</summary>
public sealed class DiffWriterGoldenTests
{
    [Fact]
    public void Table_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        DiffTableWriter.Write([DiffSamples.Diff()], DiffSamples.Summary(), output);

        Golden.Assert("diff.txt", output.ToString());
        Assert.Contains("Params (stored): 154 → 230 (+76, +49.35%)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        DiffMarkdownWriter.Write([DiffSamples.Diff()], DiffSamples.Summary(), output);

        Golden.Assert("diff.md", output.ToString());
    }

    [Fact]
    public void Json_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        DiffJsonWriter.Write([DiffSamples.Diff()], DiffSamples.Summary(), output);

        Golden.Assert("diff.json", output.ToString());
    }

    [Fact]
    public void Csv_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        DiffCsvWriter.Write([DiffSamples.Diff()], output);

        Golden.Assert("diff.csv", output.ToString());
    }
}
