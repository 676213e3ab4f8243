using KerasInspect.Core.Audit;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>
/// The cross-check on every Keras 2 / tf.keras HDF5 file of the shared corpus: per-layer stored counts equal the
/// manifest's (h5py's sums of stored shapes), and every layer with a rule matches unless the manifest explains why not.
/// </summary>
public sealed class FileAuditorCorpusTests
{
    private static readonly string[] Formats = ["keras2-h5", "tf.keras2-h5", "keras2-weights-h5"];

    /// <summary>
    /// Layers that cannot match, with the manifest's reason: r04's first layer is a Lambda (its output shape is not in
    /// the config), so nothing after it can be inferred.
    /// </summary>
    private static readonly Dictionary<string, string[]> Unverifiable = new(StringComparer.Ordinal)
    {
        ["r04"] = ["lambda_1", "conv2d_1", "conv2d_2", "conv2d_3", "dense_1", "dense_2", "dense_3"],
    };

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        if (!TestPaths.HasRealCorpus)
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var entry in Manifest().Where(e => Formats.Contains((string?)e["format"])))
        {
            data.Add((string)entry["id"]!);
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Entries))]
    public void Stored_counts_equal_the_manifest_and_layers_with_rules_match(string id)
    {
        var entry = Manifest().Single(e => (string?)e["id"] == id);
        var files = ((JArray)entry["files"]!).Select(f => Path.Combine(TestPaths.RealCorpus, (string)f["file"]!)).ToList();
        var weights = files.Single(f => f.EndsWith(".h5", StringComparison.Ordinal));
        var architecture = files.SingleOrDefault(f => f.EndsWith(".json", StringComparison.Ordinal));

        var report = FileAuditor.Audit(weights, architecture);

        var expectedCounts = ((JArray)entry["oracle"]!["by_layer"]!).ToDictionary(l => (string)l["layer"]!, l => (long)l["count"]!);
        Assert.All(expectedCounts, stored => Assert.Equal(stored.Value, report.Layers.Single(l => l.Name == stored.Key).StoredParams));
        // config layers the file does not list (a Sequential's InputLayer) store nothing and expect nothing
        Assert.All(report.Layers.Where(l => !expectedCounts.ContainsKey(l.Name)), l => Assert.Equal((0L, 0L), (l.StoredParams, l.Expected?.ExpectedParams)));
        Assert.Equal((long)entry["oracle"]!["weights_total"]!, report.StoredParams);
        var allowed = Unverifiable.GetValueOrDefault(id, []);
        Assert.All(report.Layers, layer => Assert.Equal(allowed.Contains(layer.Name) ? Verdict.Unverified : Verdict.Match, layer.Verdict));
        Assert.False(report.HasDisagreement);
    }

    private static JArray Manifest() =>
        (JArray)JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RealCorpus, "MANIFEST.json")))["entries"]!;
}
