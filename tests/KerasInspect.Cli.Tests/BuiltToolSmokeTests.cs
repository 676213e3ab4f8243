using System.Diagnostics;
using KerasInspect.Tests;

namespace KerasInspect.Cli.Tests;

/// <summary>Runs the built <c>kerasinspect</c> as a separate process, as a user would, on the README's sample.</summary>
public sealed class BuiltToolSmokeTests
{
    [Fact]
    public async Task Built_tool_inspects_the_sample_model()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "kerasinspect.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { tool, "inspect", TestPaths.InTestData("keras", "clean_lstm.h5") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal("", await errors);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stored params: 6,404", await output, StringComparison.Ordinal);
    }
}
