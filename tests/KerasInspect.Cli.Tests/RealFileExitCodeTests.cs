using KerasInspect.Tests;

namespace KerasInspect.Cli.Tests;

/// <summary>Exit codes of the real-file kinds of issue 14 (fixtures from scripts/gen-realfiles-fixtures.py) and folder mode.</summary>
public sealed class RealFileExitCodeTests
{
    [Theory]
    [InlineData("mismatch")]
    [InlineData("unsafe")]
    public void A_keras_archive_with_npz_weights_is_audited_from_its_config_and_fails_as_unsafe(string failOn)
    {
        var path = TestPaths.InTestData("realfiles", "keras3_npz_weights.keras");

        var (code, output, errors) = CliRunner.Run("inspect", path, "--fail-on", failOn);

        Assert.Equal(1, code);
        Assert.Empty(errors);
        Assert.Contains("KI6003 unsafe: archive member 'model.weights.npz'", output, StringComparison.Ordinal);
        // Dense(3) on (None, 4): 4·3 + 3 = 15, config only
        Assert.Contains("Total params: 15 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tfjs_graph_model_is_refused_saying_what_it_is()
    {
        var path = TestPaths.InTestData("realfiles", "tfjs_graph_model", "model.json");

        var (code, _, errors) = CliRunner.Run("inspect", path);

        Assert.Equal(3, code);
        Assert.Contains("a TensorFlow.js graph model", errors, StringComparison.Ordinal);
        Assert.Contains("no layers to audit", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_mode_audits_a_twice_encoded_architecture_file_instead_of_skipping_it()
    {
        var folder = TestPaths.InTestData("realfiles", "twice_encoded");

        var (_, output, _) = CliRunner.Run("inspect", folder, "--fail-on", "none");

        Assert.Contains($"{Path.Combine(folder, "model.json")}: model-json", output, StringComparison.Ordinal);
        Assert.Contains("KI1008 info", output, StringComparison.Ordinal);
    }
}
