using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>Every worked example of param-formulas.md §4 for the classes calc knows, through the command line.</summary>
public sealed class CalcCommandTests
{
    [Theory]
    [InlineData("1", "LSTM(10)", 480L)]                          // 4·10·(1+10+1)
    [InlineData("10", "LSTM(10)", 840L)]                         // 4·10·(10+10+1)
    [InlineData("1", "LSTM(20)", 1_760L)]                        // 4·20·(1+20+1)
    [InlineData("20", "LSTM(20)", 3_280L)]                       // 4·20·(20+20+1)
    [InlineData("64", "LSTM(32)", 12_416L)]                      // 4·32·(64+32+1)
    [InlineData("32", "LSTM(32)", 8_320L)]                       // 4·32·(32+32+1)
    [InlineData("64", "LSTM(32, use_bias=False)", 12_288L)]      // 4·32·(64+32)
    [InlineData("64", "Bidirectional(LSTM(32))", 24_832L)]       // 2 × 12,416
    [InlineData("64", "GRU(32, reset_after=False)", 9_312L)]     // 3·32·(64+32+1)
    [InlineData("64", "GRU(32, reset_after=True)", 9_408L)]      // 3·32·(64+32+2)
    [InlineData("3", "LSTM(2)", 48L)]                            // 4·2·(3+2+1)
    [InlineData("4096", "LSTM(200)", 3_437_600L)]                // 800·4297
    [InlineData("20", "Dense(1)", 21L)]                          // 20·1 + 1
    [InlineData("8", "SimpleRNN(16)", 400L)]                     // 16·(8+16+1)
    [InlineData("5,20", "TimeDistributed(Dense(8))", 168L)]      // 20·8 + 8
    [InlineData("5,7,20", "Dense(8)", 168L)]                     // only the last axis: 20·8 + 8
    public void Worked_example_total_is_reachable_through_calc(string input, string layer, long expected)
    {
        var (code, output, errors) = CliRunner.Run("calc", "--input", input, layer, "--format", "json");

        Assert.Equal(("", 0), (errors, code));
        Assert.Equal(expected, (long)JObject.Parse(output)["files"]![0]!["totals"]!["expectedParams"]!);
    }

    [Fact]
    public void Issue_example_prints_the_table_with_derivations_and_totals()
    {
        var (code, output, _) = CliRunner.Run("calc", "--input", "64", "Bidirectional(LSTM(32, return_sequences=True))", "LSTM(32)", "Dense(1)");

        Assert.Equal(0, code);
        // 2 × 12,416 = 24,832; concat width 64 → 12,416; Dense(1) on 32 → 33; total 37,281
        Assert.Contains("bidirectional  Bidirectional  (None, None, 64)  (None, None, 64)  24,832  Bidirectional: 2 × (4 × (64 + 32 + 1) × 32) = 24,832", output, StringComparison.Ordinal);
        Assert.Contains("lstm_1         LSTM           (None, None, 64)  (None, 32)        12,416  LSTM: 4 × (64 + 32 + 1) × 32 = 12,416", output, StringComparison.Ordinal);
        Assert.Contains("Total params: 37,281 (trainable 37,281, non-trainable 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedding_first_needs_no_input()
    {
        // 150,000 + 2·4·30·(30+30+1) + 61 = 164,701
        var (code, output, _) = CliRunner.Run("calc", "Embedding(5000, 30)", "Bidirectional(LSTM(30))", "Dense(1)", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(164_701L, (long)JObject.Parse(output)["files"]![0]!["totals"]!["expectedParams"]!);
    }

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var (_, output, _) = CliRunner.Run("calc", "--input", "64", "LSTM(32)", "--format", "json");

        var file = JObject.Parse(output)["files"]![0]!;
        Assert.Equal(JTokenType.Null, file["path"]!.Type);
        Assert.Equal("calc", (string?)file["format"]);
        var layer = file["layers"]![0]!;
        Assert.Equal(
            ["name", "className", "inputShape", "outputShape", "expectedParams", "storedParams", "trainableParams", "nonTrainableParams", "derivation", "verdict", "tensors"],
            ((JObject)layer).Properties().Select(p => p.Name));
        Assert.Equal("[null,null,64]", layer["inputShape"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("LSTM: 4 × (64 + 32 + 1) × 32 = 12,416", (string?)layer["derivation"]);
        Assert.Equal("[64,128]", layer["tensors"]![0]!["expectedShape"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal(
            ["expectedParams", "storedParams", "trainableParams", "nonTrainableParams", "optimizerTensors", "layers", "unverifiedLayers", "unsafeFindings"],
            ((JObject)file["totals"]!).Properties().Select(p => p.Name));
        Assert.Equal(
            ["name", "expectedShape", "trainable", "storedShape", "storedPath", "verdict", "hint"],
            ((JObject)layer["tensors"]![0]!).Properties().Select(p => p.Name));
    }

    [Theory]
    [InlineData("LSTM(32, return_sequences=Tru)", "layer 1: 'Tru' is not a value", 26)]
    [InlineData("LSTM(32", "layer 1: expected ',' or ')' after an argument", 7)]
    [InlineData("Lstm(32)", "layer 1: 'Lstm' is not a layer class calc knows", 0)]
    [InlineData("Dense(8, 4)", "layer 1: Dense takes at most 1 positional argument(s) (units); name the others", 9)]
    [InlineData("LSTM(units=1, units=2)", "layer 1: 'units' is given twice", 14)]
    public void Bad_layer_text_points_at_the_offending_token_and_exits_2(string layer, string message, int column)
    {
        var (code, output, errors) = CliRunner.Run("calc", "--input", "64", layer);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = errors.Split('\n');
        Assert.StartsWith($"kerasinspect calc: {message}", lines[0], StringComparison.Ordinal);
        Assert.Equal($"  {layer}", lines[1]);
        Assert.Equal(new string(' ', 2 + column) + "^", lines[2]);
    }

    [Fact]
    public void Missing_input_for_a_recurrent_first_layer_is_a_usage_error()
    {
        var (code, _, errors) = CliRunner.Run("calc", "LSTM(32)");

        Assert.Equal(2, code);
        Assert.Contains("the first layer, LSTM, needs --input", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_config_value_is_a_finding_not_a_crash()
    {
        var (code, output, _) = CliRunner.Run("calc", "--input", "64", "LSTM(-5)");

        Assert.Equal(0, code);
        Assert.Contains("KI1003 warning: lstm: 'units' is -5; it must be at least 1", output, StringComparison.Ordinal);
    }
}
