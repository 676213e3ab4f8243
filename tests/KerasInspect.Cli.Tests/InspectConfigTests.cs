using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary><c>inspect</c> on a model.to_json() file: expected counts per layer, verdict no-weights.</summary>
public sealed class InspectConfigTests
{
    private static string TfjsConfig(string id) => Path.Combine(TestPaths.Shared, "corpus", "tfjs", id, $"{id}.keras.json");

    [CorpusFact]
    public void Json_report_of_a_config_has_no_weights_verdicts_and_the_tfjs_total()
    {
        var path = TfjsConfig("tut_bilstm32_in64");
        var truth = JObject.Parse(File.ReadAllText(Path.ChangeExtension(path, null).Replace(".keras", ".truth.json", StringComparison.Ordinal)));

        var (code, output, errors) = CliRunner.Run("inspect", path, "--format", "json");

        Assert.Equal(("", 0), (errors, code));
        var file = JObject.Parse(output)["files"]![0]!;
        Assert.Equal(path, (string?)file["path"]);
        Assert.Equal("model-json", (string?)file["format"]);
        Assert.Equal("tfjs-layers 4.22.0", (string?)file["kerasVersion"]);
        Assert.All(file["layers"]!, layer => Assert.Equal("no-weights", (string?)layer["verdict"]));
        Assert.Equal((long)truth["total_params"]!, (long)file["totals"]!["expectedParams"]!);
    }

    [CorpusFact]
    public void Table_report_of_a_config_shows_shapes_counts_and_derivations()
    {
        var (code, output, _) = CliRunner.Run("inspect", TfjsConfig("tut_lstm10_lstm10_in1"));

        Assert.Equal(0, code);
        Assert.Contains("no weights to compare", output, StringComparison.Ordinal);
        Assert.Contains("LSTM: 4 × (1 + 10 + 1) × 10 = 480", output, StringComparison.Ordinal);
        Assert.Contains("LSTM: 4 × (10 + 10 + 1) × 10 = 840", output, StringComparison.Ordinal);
        Assert.Contains("Total params: 1,331 (trainable 1,331, non-trainable 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_in_json_mode_is_reported_with_its_error()
    {
        var missing = Path.Combine(TestPaths.TestData, "no-such-model.json");

        var (code, output, _) = CliRunner.Run("inspect", missing, "--format", "json");

        Assert.Equal(3, code);
        var file = JObject.Parse(output)["files"]![0]!;
        Assert.Equal("KI3002", (string?)file["error"]!["code"]);
        Assert.Equal($"{missing}: no such file, folder or matching pattern", (string?)file["error"]!["message"]);
    }
}
