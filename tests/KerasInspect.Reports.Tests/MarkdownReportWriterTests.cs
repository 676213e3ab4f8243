using KerasInspect.Reports.Markdown;

namespace KerasInspect.Reports.Tests;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Markdown_matches_the_golden_file_and_lists_only_layers_that_need_attention()
    {
        var output = new StringWriter { NewLine = "\n" };

        MarkdownReportWriter.Write(ReportSamples.Run(), ReportSamples.Summary(), output);

        Golden.Assert("run.md", output.ToString());
        Assert.DoesNotContain("| =HYPERLINK", output.ToString(), StringComparison.Ordinal); // the clean file gets no section
    }
}
