using KerasInspect.Reports.Terminal;
using Spectre.Console;

namespace KerasInspect.Reports.Tests;

public sealed class ConsoleTableWriterTests
{
    [Fact]
    public void Terminal_table_shows_counts_verdicts_and_findings()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;

        ConsoleTableWriter.Write(console, ReportSamples.LstmWithNarrowKernel(), explain: true);
        ConsoleTableWriter.WriteSummary(console, ReportSamples.Run(), ReportSamples.Summary());

        var text = output.ToString();
        Golden.Assert("console.txt", text);
        Assert.Contains("12,416", text, StringComparison.Ordinal);
        Assert.Contains("8,320", text, StringComparison.Ordinal);
        Assert.Contains("mismatch", text, StringComparison.Ordinal);
        Assert.Contains("LSTM: 4 × (64 + 32 + 1) × 32 = 12,416", text, StringComparison.Ordinal);
        Assert.Contains("KI2001 mismatch: lstm: kernel", text, StringComparison.Ordinal);
        Assert.Contains("3 files: 1 clean, 1 failing, 1 unreadable", text, StringComparison.Ordinal);
    }
}
