using KerasInspect.Core.Audit;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>
/// One generated fixture per format (scripts/gen-format-fixtures.py: Keras 3 archives including a nested model and a
/// pre-3.6 one, a Keras 3 to_json file, TF.js models saved and converted, Keras 1 and Keras 3 legacy HDF5), each
/// audited to the verdicts and counts its manifest works out by hand.
/// </summary>
public sealed class FormatFixtureTests
{
    private static readonly JArray Fixtures = (JArray)JObject.Parse(File.ReadAllText(TestPaths.InTestData("formats", "MANIFEST.json")))["fixtures"]!;

    public static TheoryData<string> Files() => FixtureManifest.Files("formats");

    [Theory]
    [MemberData(nameof(Files))]
    public void Format_verdicts_and_counts_are_the_fixtures(string file)
    {
        var fixture = Fixtures.Single(f => (string?)f["file"] == file);
        var expect = fixture["expect"]!;

        var report = FileAuditor.Audit(TestPaths.InTestData("formats", file));

        Assert.Equal((string?)fixture["format"], report.Format);
        AssertLayers(expect["layers"]!, report.Layers);
        Assert.Equal((long)expect["expectedParams"]!, report.ExpectedParams);
        Assert.Equal((long?)expect["storedParams"], report.StoredParams);
        if (expect["optimizerTensors"] is { } optimizer)
        {
            Assert.Equal((int)optimizer, report.OptimizerTensors);
        }

        Assert.Equal(expect["shardMismatch"]?.Value<bool>() == true, report.Findings.Any(f => f.Code == "KI5001"));
        foreach (var weightless in expect["weightlessLayers"]!.Values<string>())
        {
            Assert.Equal(0L, report.Layers.Single(l => l.Name == weightless).Expected?.ExpectedParams);
        }
    }

    private static void AssertLayers(JToken expected, IReadOnlyList<LayerReport> actual)
    {
        foreach (var layer in expected)
        {
            var row = actual.Single(l => l.Name == (string?)layer["name"]);
            Assert.Equal((string?)layer["className"], row.ClassName);
            Assert.Equal((string?)layer["verdict"], row.Verdict == Verdict.NoWeights ? "no-weights" : row.Verdict.ToString().ToLowerInvariant());
            Assert.Equal((long?)layer["expectedParams"], row.Expected?.ExpectedParams);
            Assert.Equal((long?)layer["storedParams"], row.StoredParams);
            if (layer["children"] is { } children)
            {
                AssertLayers(children, row.Children);
            }
        }
    }
}
