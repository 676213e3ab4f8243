using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>
/// <c>kerasinspect diff</c> on real files of the shared corpus, checked against its ground truth: the TF.js models'
/// <c>*.truth.json</c> (what TF.js itself counts) and corpus/real/MANIFEST.json (the oracle's per-layer counts).
/// </summary>
public sealed class DiffCorpusTests
{
    private static readonly string TfjsCorpus = Path.Combine(TestPaths.Shared, "corpus", "tfjs");

    /// <summary>Each TF.js model saved by TF.js (model.json with weights) against its model.to_json() (config only).</summary>
    [TfjsCorpusFact]
    public void A_tfjs_model_and_its_own_to_json_show_no_layer_change_and_the_truth_total()
    {
        var folders = Directory.GetDirectories(TfjsCorpus).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(folders);
        foreach (var folder in folders)
        {
            var id = Path.GetFileName(folder);
            var truth = JObject.Parse(File.ReadAllText(Path.Combine(folder, $"{id}.truth.json")));
            var model = DiffJson(Path.Combine(folder, "model.json"), Path.Combine(folder, $"{id}.keras.json"));

            Assert.True((string?)model["status"] == "unchanged", $"{id}: {model["status"]}");
            Assert.Equal("expected", (string?)model["totals"]!["basis"]); // the to_json side stores no weights
            Assert.Equal((long)truth["total_params"]!, (long)model["totals"]!["oldParams"]!);
            Assert.Equal((long)truth["total_params"]!, (long)model["totals"]!["newParams"]!);
            Assert.Equal((long)truth["trainable_params"]!, (long)model["totals"]!["newTrainableParams"]!);
            Assert.Equal((long)truth["non_trainable_params"]!, (long)model["totals"]!["newNonTrainableParams"]!);
        }
    }

    /// <summary>
    /// Two versions of a tutorial model: LSTM(10) → LSTM(10) → Dense(1) on 1 feature, and the same with 20 units. TF.js
    /// auto-named the first lstm_1, lstm_2 and the second lstm, lstm_1: the pairs follow the order, not the names.
    /// </summary>
    [TfjsCorpusFact]
    public void Two_versions_of_a_tfjs_model_pair_shifted_names_and_change_by_the_truth_counts()
    {
        var before = Truth("tut_lstm10_lstm10_in1");
        var after = Truth("tut_lstm20_lstm20_dense1");

        var model = DiffJson(Path.Combine(TfjsCorpus, "tut_lstm10_lstm10_in1", "model.json"), Path.Combine(TfjsCorpus, "tut_lstm20_lstm20_dense1", "model.json"));

        Assert.Equal((long)after["total_params"]! - (long)before["total_params"]!, (long)model["totals"]!["change"]!);
        var pairs = ((JArray)model["layers"]!).ToList();
        var expected = before["layers"]!.Zip(after["layers"]!, (o, n) => ($"{o["name"]}→{n["name"]}", (long)n["params"]! - (long)o["params"]!)).ToList();
        Assert.Equal(expected, pairs.Select(p => ($"{p["old"]!["name"]}→{p["new"]!["name"]}", (long)p["storedDelta"]!)));
        Assert.Equal(["units"], pairs[0]["configChanges"]!.Select(c => (string)c["key"]!).Where(k => k == "units"));
    }

    /// <summary>
    /// Two models of one repository (r11: Embedding → GRU(16) → Dense; r10: Embedding → Bidirectional(GRU(16)) → Dense):
    /// the GRU is removed, the Bidirectional added, the Embedding and Dense paired across Keras' shifted names.
    /// </summary>
    [CorpusFact]
    public void Gru_model_against_its_bidirectional_version_changes_by_the_oracle_counts()
    {
        var oracle = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RealCorpus, "MANIFEST.json")))["entries"]!;
        JToken Entry(string id) => oracle.Single(e => (string?)e["id"] == id);
        long Count(string id, string layer) => (long)Entry(id)["oracle"]!["by_layer"]!.Single(l => (string?)l["layer"] == layer)["count"]!;

        var model = DiffJson(Path.Combine(TestPaths.RealCorpus, "r11-tfk-gru-reset-false.h5"), Path.Combine(TestPaths.RealCorpus, "r10-tfk-bigru-reset-false.h5"));

        Assert.Equal((long)Entry("r10")["weights_total"]! - (long)Entry("r11")["weights_total"]!, (long)model["totals"]!["change"]!);
        var pairs = ((JArray)model["layers"]!).Select(p => ((string)p["pairing"]!, Name(p["old"]!), Name(p["new"]!), (long)p["storedDelta"]!)).ToList();
        Assert.Equal(
        [
            ("inferred", "embedding_5", "embedding_9", Count("r10", "embedding_9") - Count("r11", "embedding_5")),
            ("removed", "gru_1", null, -Count("r11", "gru_1")),
            ("added", null, "bidirectional_4", Count("r10", "bidirectional_4")),
            ("inferred", "dense_5", "dense_8", Count("r10", "dense_8") - Count("r11", "dense_5")),
        ], pairs);
    }

    private static string? Name(JToken side) => side.Type == JTokenType.Null ? null : (string?)side["name"];

    private static JObject Truth(string id) => JObject.Parse(File.ReadAllText(Path.Combine(TfjsCorpus, id, $"{id}.truth.json")));

    private static JToken DiffJson(string old, string @new)
    {
        var (code, output, errors) = CliRunner.Run("diff", old, @new, "--format", "json", "--fail-on", "none");
        Assert.True(code == 0, $"{old} → {@new}: exit {code}: {errors}");
        return Assert.Single((JArray)JObject.Parse(output)["models"]!);
    }

    /// <summary>A fact over the TF.js part of the corpus, skipped naming the missing folder when it is absent.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class TfjsCorpusFactAttribute : FactAttribute
    {
        public TfjsCorpusFactAttribute()
        {
            if (!Directory.Exists(TfjsCorpus))
            {
                Skip = $"shared TF.js corpus not found at {TfjsCorpus}";
            }
        }
    }
}
