using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary><c>inspect</c> on the cross-check fixtures of testdata/keras: hints, exit codes, the JSON contract.</summary>
public sealed class InspectCrossCheckTests
{
    private static string Fixture(string name) => TestPaths.InTestData("keras", name);

    [Theory]
    [InlineData("gru_reset_after_mismatch.h5", "bias", "saved with reset_after=True, but the config says reset_after=False")]
    [InlineData("cudnn_lstm_bias.h5", "bias", "an 8u bias is the CuDNNLSTM layout")]
    [InlineData("wrong_input_width.h5", "kernel", "the stored kernel takes 8 inputs but the inferred input has 16 features")]
    [InlineData("units_disagree.h5", "kernel", "the stored kernel has 12 output columns, the config implies 10")]
    public void Mismatch_carries_a_hint_naming_the_cause_and_exits_1(string file, string tensor, string hint)
    {
        var (code, output, errors) = CliRunner.Run("inspect", Fixture(file), "--format", "json");

        Assert.Equal(("", 1), (errors, code));
        var check = JObject.Parse(output)["files"]![0]!["layers"]!.SelectMany(l => l["tensors"]!)
            .Single(t => (string?)t["name"] == tensor && (string?)t["verdict"] == "mismatch");
        Assert.Contains(hint, (string?)check["hint"], StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_file_exits_0_and_reports_optimizer_tensors_apart()
    {
        var (code, output, _) = CliRunner.Run("inspect", Fixture("clean_lstm.h5"));

        Assert.Equal(0, code);
        // LSTM(32) on 16: 4·32·(16+32+1) = 6,272; Dense(4) on 32: 132
        Assert.Contains("lstm     LSTM        (None, 32)         6,272   6,272  match", output, StringComparison.Ordinal);
        Assert.Contains("Total params: 6,404 (trainable 6,404, non-trainable 0)\nStored params: 6,404\nOptimizer tensors: 11 (not parameters, not counted)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tensor_exits_1_and_is_listed_in_the_findings()
    {
        var (code, output, _) = CliRunner.Run("inspect", Fixture("missing_bias.h5"));

        Assert.Equal(1, code);
        Assert.Contains("KI2002 mismatch: dense: bias: expected shape (8,), not stored in the file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_the_derivation_and_every_tensor()
    {
        var (_, output, _) = CliRunner.Run("inspect", Fixture("wrong_input_width.h5"), "--explain");

        Assert.Contains("    LSTM: 4 × (16 + 32 + 1) × 32 = 6,272\n", output, StringComparison.Ordinal);
        Assert.Contains("    kernel: expected (16, 128), stored (8, 128) at /model_weights/lstm/lstm/lstm_cell/kernel:0: mismatch (the stored kernel takes 8 inputs", output, StringComparison.Ordinal);
        Assert.Contains("    recurrent_kernel: expected (32, 128), stored (32, 128) at /model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0: match\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_only_file_is_listed_unverified_without_a_config_and_cross_checked_with_one()
    {
        var weights = Fixture("weights_only.h5");

        var (plainCode, plain, _) = CliRunner.Run("inspect", weights);
        var (code, output, _) = CliRunner.Run("inspect", weights, "--config", Fixture("weights_only.architecture.json"));

        Assert.Equal(0, plainCode);
        Assert.Contains("no config: weights listed, not verified", plain, StringComparison.Ordinal);
        Assert.Contains("KI2005 info", plain, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("Total params: 6,404 (trainable 6,404, non-trainable 0)\nStored params: 6,404", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_json_is_cross_checked_with_the_weights_option()
    {
        var (code, output, _) = CliRunner.Run("inspect", Fixture("weights_only.architecture.json"), "--weights", Fixture("weights_only.h5"));

        Assert.Equal(0, code);
        Assert.Contains("config and weights cross-checked", output, StringComparison.Ordinal);
        Assert.Contains("Stored params: 6,404", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_adds_stored_counts_paths_and_verdicts_to_the_contract()
    {
        var (_, output, _) = CliRunner.Run("inspect", Fixture("clean_lstm.h5"), "--format", "json");

        var file = JObject.Parse(output)["files"]![0]!;
        Assert.Equal(6_404L, (long)file["totals"]!["storedParams"]!);
        Assert.Equal(11, (int)file["totals"]!["optimizerTensors"]!);
        var kernel = file["layers"]!.Single(l => (string?)l["name"] == "lstm")["tensors"]![0]!;
        Assert.Equal("/model_weights/lstm/lstm/lstm_cell/kernel:0", (string?)kernel["storedPath"]);
        Assert.Equal("[16,128]", kernel["storedShape"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("match", (string?)kernel["verdict"]);
    }

    [Fact]
    public void Config_option_needs_exactly_one_file()
    {
        var (code, _, errors) = CliRunner.Run("inspect", Fixture("weights_only.h5"), Fixture("clean_lstm.h5"), "--config", "x.json");

        Assert.Equal(2, code);
        Assert.Contains("--config pairs one architecture with one weights file", errors, StringComparison.Ordinal);
    }
}
