using KerasInspect.Core.Audit;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>
/// Every file of the shared corpus, whatever its format: the detected format is the manifest's, per-layer stored counts
/// equal the manifest's (h5py's or TF.js' sums of stored shapes), and every layer with a rule matches unless the
/// manifest explains why not.
/// </summary>
public sealed class FileAuditorCorpusTests
{
    /// <summary>
    /// Layers that cannot match, with the manifest's reason: r04's first layer is a Lambda (its output shape is not in
    /// the config), so nothing after it can be inferred.
    /// </summary>
    private static readonly Dictionary<string, string[]> Unverifiable = new(StringComparer.Ordinal)
    {
        ["r04"] = ["lambda_1", "conv2d_1", "conv2d_2", "conv2d_3", "dense_1", "dense_2", "dense_3"],
    };

    public static TheoryData<string> Entries() => CorpusManifest.Ids();

    [CorpusTheory]
    [MemberData(nameof(Entries))]
    public void Stored_counts_equal_the_manifest_and_layers_with_rules_match(string id)
    {
        var entry = CorpusManifest.Entry(id);
        var files = ((JArray)entry["files"]!).Select(f => Path.Combine(TestPaths.RealCorpus, (string)f["file"]!)).ToList();
        var (input, config) = files.Count == 1 ? (files[0], null)
            : files.Any(f => f.EndsWith("model.json", StringComparison.Ordinal)) ? (files.Single(f => f.EndsWith("model.json", StringComparison.Ordinal)), null)
            : (files.Single(f => f.EndsWith(".h5", StringComparison.Ordinal)), files.Single(f => f.EndsWith(".json", StringComparison.Ordinal)));

        var report = FileAuditor.Audit(input, config);

        Assert.Equal((string?)entry["format"], report.Format);
        if (entry["oracle"]!["by_layer"] is not JArray byLayer)
        {
            Assert.Null(report.StoredParams); // a config alone
            Assert.All(report.Layers, layer => Assert.Equal(Verdict.NoWeights, layer.Verdict));
            return;
        }

        // Keras 3 archives name groups by class, not by layer, and list them alphabetically: compare the counts as a set.
        Assert.Equal(
            byLayer.Select(l => (long)l["count"]!).Where(c => c > 0).Order(),
            report.Layers.Select(l => l.StoredParams ?? 0).Where(c => c > 0).Order());
        Assert.Equal((long)entry["oracle"]!["weights_total"]!, report.StoredParams);
        var allowed = Unverifiable.GetValueOrDefault(id, []);
        Assert.All(report.Layers, layer => Assert.Equal(allowed.Contains(layer.Name) ? Verdict.Unverified : Verdict.Match, layer.Verdict));
        // each exception says why: the Lambda itself has no rule, the layers after it name it as the cause
        Assert.All(allowed, name => Assert.Contains(report.Findings, f => f.Layer == name && (f.Code == "KI1001" || f.Message.Contains("after 'lambda_1' (Lambda)", StringComparison.Ordinal))));
        Assert.False(report.HasDisagreement);
    }
}
