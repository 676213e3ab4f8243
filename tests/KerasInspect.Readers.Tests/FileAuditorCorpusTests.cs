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
    /// the config), so no shape after it can be inferred; the layers with weights take their input width from their
    /// stored kernels instead (see the r04 test below).
    /// </summary>
    private static readonly Dictionary<string, string[]> Unverifiable = new(StringComparer.Ordinal)
    {
        ["r04"] = ["lambda_1"],
    };

    /// <summary>
    /// real2/ holds files the tool once misread (issue 14), one per kind; the same layers are unverifiable for the same
    /// reason (a Lambda first), and each kind's info finding must be there.
    /// </summary>
    private static readonly Dictionary<string, string[]> Real2Unverifiable = new(StringComparer.Ordinal)
    {
        ["r56"] = ["lambda_1"],
        ["r57"] = ["lambda_1"],
    };

    private static readonly Dictionary<string, string> Real2Finding = new(StringComparer.Ordinal)
    {
        ["r54"] = "KI2006", // saved on Windows: backslash group names
        ["r57"] = "KI1008", // architecture JSON encoded twice
    };

    public static TheoryData<string> Entries() => CorpusManifest.Ids();

    public static TheoryData<string> Real2Entries() => CorpusManifest.Ids(corpus: "real2");

    [CorpusTheory]
    [MemberData(nameof(Entries))]
    public void Stored_counts_equal_the_manifest_and_layers_with_rules_match(string id) =>
        AssertMatchesManifest("real", id, Unverifiable.GetValueOrDefault(id, []));

    [CorpusTheory("real2")]
    [MemberData(nameof(Real2Entries))]
    public void Files_once_misread_have_the_manifest_counts_and_no_false_finding(string id)
    {
        var report = AssertMatchesManifest("real2", id, Real2Unverifiable.GetValueOrDefault(id, []));

        if (Real2Finding.TryGetValue(id, out var code))
        {
            Assert.Contains(report.Findings, f => f.Code == code);
        }
    }

    private static FileReport AssertMatchesManifest(string corpus, string id, string[] allowed)
    {
        var entry = CorpusManifest.Entry(id, corpus);
        var folder = TestPaths.Corpus(corpus);
        var files = ((JArray)entry["files"]!).Select(f => Path.Combine(folder, (string)f["file"]!)).ToList();
        var (input, config) = files.Count == 1 ? (files[0], null)
            : ((string)entry["format"]!).StartsWith("tfjs", StringComparison.Ordinal) ? (files.Single(f => f.EndsWith("model.json", StringComparison.Ordinal)), null)
            : (files.Single(f => f.EndsWith(".h5", StringComparison.Ordinal)), files.Single(f => f.EndsWith(".json", StringComparison.Ordinal)));

        var report = FileAuditor.Audit(input, config);

        Assert.Equal((string?)entry["format"], report.Format);
        if (entry["oracle"]!["by_layer"] is not JArray byLayer)
        {
            Assert.Null(report.StoredParams); // a config alone
            Assert.All(report.Layers, layer => Assert.Equal(Verdict.NoWeights, layer.Verdict));
            return report;
        }

        // Keras 3 archives name groups by class, not by layer, and list them alphabetically: compare the counts as a set.
        Assert.Equal(
            byLayer.Select(l => (long)l["count"]!).Where(c => c > 0).Order(),
            report.Layers.Select(l => l.StoredParams ?? 0).Where(c => c > 0).Order());
        Assert.Equal((long)entry["oracle"]!["weights_total"]!, report.StoredParams);
        Assert.All(report.Layers, layer => Assert.Equal(allowed.Contains(layer.Name) ? Verdict.Unverified : Verdict.Match, layer.Verdict));
        Assert.All(allowed, name => Assert.Contains(report.Findings, f => f.Layer == name && f.Code == "KI1001"));
        Assert.False(report.HasDisagreement);
        return report;
    }

    [CorpusFact]
    public void Layers_after_a_lambda_take_their_input_width_from_their_stored_kernel()
    {
        // r04: Lambda -> Conv2D x3 -> Flatten -> Dense x3. The widths are the manifest's kernel shapes: axis 2 of a
        // Conv2D kernel (5, 5, 3, 24), axis 0 of a Dense kernel (1728, 60).
        var report = FileAuditor.Audit(Path.Combine(TestPaths.RealCorpus, "r04-k2-carnd-lambda.h5"));

        var widths = report.Findings.Where(f => f.Code == "KI1007").ToDictionary(f => f.Layer!, f => f.Message);
        Assert.Equal(["conv2d_1", "conv2d_2", "conv2d_3", "dense_1", "dense_2", "dense_3"], widths.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("its width, 3, was read from the stored kernel /model_weights/conv2d_1/conv2d_1/kernel:0 (5, 5, 3, 24)", widths["conv2d_1"], StringComparison.Ordinal);
        Assert.Contains("its width, 1728, was read from the stored kernel /model_weights/dense_1/dense_1/kernel:0 (1728, 60)", widths["dense_1"], StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Code == "KI1002");
        // 5·5·3·24 + 24 = 1,824 and 1728·60 + 60 = 103,740, as in the manifest
        Assert.Equal(1_824, report.Layers.Single(l => l.Name == "conv2d_1").Expected!.ExpectedParams);
        Assert.Equal(103_740, report.Layers.Single(l => l.Name == "dense_1").Expected!.ExpectedParams);
    }
}
