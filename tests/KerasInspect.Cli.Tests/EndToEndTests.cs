using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>
/// The built tool over a folder of clean, mismatching, unverified and corrupt files, as a CI job runs it: the exit code
/// for each --fail-on, every file in the report, the corrupt one with its error.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasinspect-e2e-").FullName;

    public EndToEndTests()
    {
        Copy("clean_lstm.h5", "clean.h5");
        Copy("wrong_input_width.h5", "nested/mismatch.h5");
        Copy("weights_only.h5", "unverified.h5"); // no config inside: listed, not verified
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a model: a folder scan must skip it");
    }

    [Theory]
    [InlineData("mismatch", 1)]    // wrong_input_width disagrees
    [InlineData("unverified", 1)]
    [InlineData("unsafe", 0)]      // nothing unsafe here
    [InlineData("none", 0)]
    public async Task Exit_code_follows_fail_on(string failOn, int expected)
    {
        var (code, _, _) = await BuiltTool.RunAsync("inspect", _folder, "--fail-on", failOn, "--format", "json");

        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("mismatch", 0)]
    [InlineData("unverified", 1)]  // weights_only has unverified layers
    public async Task Without_the_mismatching_file_only_unverified_fails(string failOn, int expected)
    {
        File.Delete(Path.Combine(_folder, "nested", "mismatch.h5"));

        var (code, _, _) = await BuiltTool.RunAsync("inspect", _folder, "--fail-on", failOn);

        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("unsafe", 1)]
    [InlineData("mismatch", 1)]    // unsafe is above mismatch
    [InlineData("none", 0)]
    public async Task Custom_layer_class_is_unsafe(string failOn, int expected)
    {
        var (code, output, _) = await BuiltTool.RunAsync("inspect", TestPaths.InTestData("keras", "unknown_layer.h5"), "--fail-on", failOn);

        Assert.Equal(expected, code);
        Assert.Contains("KI6002 unsafe: my_scaling: class 'MyScaling' is not a Keras built-in", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mismatch")]
    [InlineData("none")]
    public async Task Corrupt_file_makes_the_run_exit_3_and_is_reported_with_its_error(string failOn)
    {
        var clean = File.ReadAllBytes(Path.Combine(_folder, "clean.h5"));
        File.WriteAllBytes(Path.Combine(_folder, "corrupt.h5"), clean[..3000]);

        var (code, output, errors) = await BuiltTool.RunAsync("inspect", _folder, "--fail-on", failOn, "--format", "json");

        Assert.Equal(3, code);
        var files = JObject.Parse(output)["files"]!.Select(f => Path.GetRelativePath(_folder, (string)f["path"]!)).ToList();
        Assert.Equal(["clean.h5", "corrupt.h5", Path.Combine("nested", "mismatch.h5"), "unverified.h5"], files);
        var corrupt = JObject.Parse(output)["files"]![1]!;
        Assert.Equal("KI3001", (string?)corrupt["error"]!["code"]);
        Assert.Contains("the file is truncated", (string?)corrupt["error"]!["message"], StringComparison.Ordinal);
        Assert.Contains("corrupt.h5: / (byte 40): the file is truncated", errors, StringComparison.Ordinal);
        Assert.Equal(3, (int)JObject.Parse(output)["summary"]!["exitCode"]!);
    }

    [Fact]
    public async Task Budgets_fail_the_run_with_their_own_codes()
    {
        File.Delete(Path.Combine(_folder, "nested", "mismatch.h5"));

        // clean.h5 stores 6,404 parameters, its LSTM 6,272: both over these budgets
        var (code, output, _) = await BuiltTool.RunAsync("inspect", Path.Combine(_folder, "clean.h5"), "--max-params", "6k", "--max-layer-params", "6.2k");

        Assert.Equal(1, code);
        Assert.Contains("KI4001 mismatch: the model has 6,404 parameters, over the --max-params budget of 6,000", output, StringComparison.Ordinal);
        Assert.Contains("KI4002 mismatch: lstm: the layer has 6,272 parameters, over the --max-layer-params budget of 6,200", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unwritable_output_exits_4()
    {
        var (code, _, errors) = await BuiltTool.RunAsync("inspect", _folder, "--fail-on", "none", "--output", Path.Combine(_folder, "no", "such", "dir", "report.json"));

        Assert.Equal(4, code);
        Assert.StartsWith("error: cannot write the report:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_output_and_summary_csv_are_written_to_files()
    {
        var csv = Path.Combine(_folder, "layers.csv");
        var summary = Path.Combine(_folder, "files.csv");

        var (code, output, _) = await BuiltTool.RunAsync("inspect", _folder, "--fail-on", "none", "--format", "csv", "--output", csv, "--summary-csv", summary);

        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.StartsWith("file,model,layer,class,", File.ReadAllText(csv), StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(summary).Length); // header + 3 model files; notes.txt is not a model
    }

    [Fact]
    public async Task Glob_pattern_selects_files()
    {
        var (_, output, _) = await BuiltTool.RunAsync("inspect", Path.Combine(_folder, "**", "*.h5"), "--fail-on", "none", "--format", "json");

        Assert.Equal(3, JObject.Parse(output)["files"]!.Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Copy(string fixture, string name)
    {
        var target = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestPaths.InTestData("keras", fixture), target);
    }
}
