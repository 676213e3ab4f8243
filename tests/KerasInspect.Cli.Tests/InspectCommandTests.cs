using KerasInspect.Tests;

namespace KerasInspect.Cli.Tests;

public sealed class InspectCommandTests
{
    private static readonly string Sample = TestPaths.InTestData("hdf5", "keras2_h5py3.h5");

    [Fact]
    public void Inspect_lists_the_sample_layers_and_exits_0()
    {
        var (code, output, errors) = Run("inspect", Sample);

        Assert.Equal(0, code);
        Assert.Empty(errors);
        // Embedding(100, 16) = 1,600; LSTM(32) on 16: 4·32·(16+32+1) = 6,272; Dense(10) on 32: 330 (scripts/gen-testdata.py)
        Assert.Contains("lstm             LSTM        (None, 32)         6,272   6,272  match", output, StringComparison.Ordinal);
        Assert.Contains("Total params: 8,202 (trainable 8,202, non-trainable 0)\nStored params: 8,202\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_is_one_error_line_exit_3_and_the_other_files_are_still_listed()
    {
        var missing = Path.Combine(TestPaths.TestData, "no-such-model.h5");

        var (code, output, errors) = Run("inspect", missing, Sample);

        Assert.Equal(3, code);
        Assert.Equal($"error: {missing}: no such file, folder or matching pattern\n", errors);
        Assert.StartsWith($"{Sample}: tf.keras2-h5, Keras 2.11.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hdf5_file_that_is_not_keras_names_the_file_and_the_place()
    {
        var ranks = TestPaths.InTestData("hdf5", "ranks.h5");

        var (code, _, errors) = Run("inspect", ranks);

        Assert.Equal(3, code);
        Assert.Equal($"error: {ranks}: /: no 'layer_names' attribute: this HDF5 file is not a Keras model or weights file\n", errors);
    }

    [Fact]
    public void Damaged_file_names_the_byte_offset()
    {
        var damaged = Path.Combine(Path.GetTempPath(), $"kerasinspect-{Guid.NewGuid():N}.h5");
        var bytes = File.ReadAllBytes(Sample);
        File.WriteAllBytes(damaged, bytes[..5000]);
        try
        {
            var (code, _, errors) = Run("inspect", damaged);

            Assert.Equal(3, code);
            Assert.Equal($"error: {damaged}: / (byte 40): the file is truncated: its superblock records {bytes.Length} bytes, the file has 5000\n", errors);
        }
        finally
        {
            File.Delete(damaged);
        }
    }

    [Fact]
    public void Json_file_that_is_not_a_model_config_is_one_error_line()
    {
        var json = TestPaths.InTestData("hdf5", "links.expected.json");

        var (code, _, errors) = Run("inspect", json);

        Assert.Equal(3, code);
        Assert.Equal($"error: {json}: $: the JSON is not an object with 'class_name' and 'config': not a Keras model config\n", errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("inspect")]
    [InlineData("inspect --nope x.h5")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(string commandLine)
    {
        var (code, output, errors) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Help_documents_the_commands_and_the_exit_codes()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("kerasinspect inspect INPUT...", output, StringComparison.Ordinal);
        foreach (var line in new[] { "0   every input read", "1   findings at or above --fail-on", "2   usage error", "3   at least one input is unreadable", "4   environment problem", "70  internal error" })
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_is_the_package_version()
    {
        var (code, output, _) = Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", output);
    }

    [Fact]
    public void Statistics_are_one_line_on_stderr_after_the_report_and_leave_the_report_alone()
    {
        var plain = Run("inspect", Sample);
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };

        var code = CliApp.Run(["inspect", Sample], output, errors, CliEnvironment.Plain with { ShowStatistics = true });

        Assert.Equal(0, code);
        Assert.Equal(plain.Output, output.ToString());
        Assert.Matches(@"^kerasinspect stats: find \d+ ms, audit \d+ ms, report \d+ ms; GC collections \d+/\d+/\d+ .*; JIT [\d,]+ methods in [\d,]+ ms; \d+ cores\n$", errors.ToString());
    }

    private static (int Code, string Output, string Errors) Run(params string[] args) => CliRunner.Run(args);
}
