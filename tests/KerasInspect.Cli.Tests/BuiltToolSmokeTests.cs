using KerasInspect.Tests;

namespace KerasInspect.Cli.Tests;

/// <summary>The README's first command, run as a separate process on the sample it names.</summary>
public sealed class BuiltToolSmokeTests
{
    [Fact]
    public async Task Built_tool_inspects_the_sample_model()
    {
        var (code, output, errors) = await BuiltTool.RunAsync("inspect", TestPaths.InTestData("keras", "clean_lstm.h5"));

        Assert.Equal(("", 0), (errors, code));
        Assert.Contains("Stored params: 6,404", output, StringComparison.Ordinal);
    }
}
