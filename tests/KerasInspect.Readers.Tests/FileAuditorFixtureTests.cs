using KerasInspect.Core.Audit;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>
/// The cross-check fixtures of testdata/keras (scripts/gen-keras-fixtures.py writes each file and, from the same
/// declared shapes, the verdicts it must get): every layer's verdict and counts, every tensor's shapes and path.
/// </summary>
public sealed class FileAuditorFixtureTests
{
    private static readonly JArray Fixtures = (JArray)JObject.Parse(File.ReadAllText(TestPaths.InTestData("keras", "MANIFEST.json")))["fixtures"]!;

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var fixture in Fixtures)
        {
            data.Add((string)fixture["file"]!, false);
            if (fixture["expect"]!["withConfig"] is not null)
            {
                data.Add((string)fixture["file"]!, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdicts_counts_and_tensor_paths_are_exactly_the_fixtures(string file, bool withConfig)
    {
        var expect = Fixtures.Single(f => (string?)f["file"] == file)["expect"]!;
        var config = withConfig ? TestPaths.InTestData("keras", (string)expect["withConfig"]!["config"]!) : null;
        var layers = withConfig ? expect["withConfig"]!["layers"]! : expect["layers"]!;
        var hasConfig = withConfig || !((string)expect["format"]!).Contains("weights", StringComparison.Ordinal);

        var report = FileAuditor.Audit(TestPaths.InTestData("keras", file), config);

        Assert.Equal((string?)expect["format"], report.Format);
        AssertLayers(layers, report.Layers, hasConfig);
        foreach (var weightless in expect["weightlessLayers"]!.Values<string>())
        {
            var layer = report.Layers.Single(l => l.Name == weightless);
            Assert.Equal((Verdict.Match, 0L), (layer.Verdict, layer.Expected!.ExpectedParams!.Value));
        }

        if (!withConfig)
        {
            Assert.Equal((long)expect["totals"]!["expectedParams"]!, report.ExpectedParams);
            Assert.Equal((long)expect["totals"]!["storedParams"]!, report.StoredParams);
            Assert.Equal((int)expect["totals"]!["unverifiedLayers"]!, report.UnverifiedLayers);
            Assert.Equal((int)expect["optimizerTensors"]!, report.OptimizerTensors);
        }

        var disagreement = report.Layers.Any(l => l.Verdict is Verdict.Mismatch or Verdict.Missing or Verdict.Unexpected);
        Assert.Equal(disagreement, report.HasDisagreement);
    }

    private static void AssertLayers(JToken expected, IReadOnlyList<LayerReport> actual, bool hasConfig)
    {
        foreach (var layer in expected)
        {
            var row = actual.Single(l => l.Name == (string?)layer["name"]);
            if (hasConfig)
            {
                Assert.Equal((string?)layer["className"], row.ClassName);
            }

            Assert.Equal((string?)layer["verdict"], VerdictText(row.Verdict));
            Assert.Equal((long?)layer["expectedParams"], row.Expected?.ExpectedParams);
            Assert.Equal((long?)layer["storedParams"], row.StoredParams);
            if (layer["children"] is { } children)
            {
                AssertLayers(children, row.Children, hasConfig);
                continue;
            }

            var tensors = (JArray)layer["tensors"]!;
            Assert.Equal(tensors.Count, row.Tensors.Count);
            foreach (var (want, got) in tensors.Zip(row.Tensors))
            {
                Assert.Equal((string?)want["verdict"], VerdictText(got.Verdict));
                Assert.Equal(Dims(want["expectedShape"]), got.ExpectedShape);
                Assert.Equal(Dims(want["storedShape"]), got.StoredShape);
                Assert.Equal((string?)want["storedPath"], got.StoredPath);
                if (got.ExpectedShape is not null)
                {
                    Assert.Equal((string?)want["name"], got.Name); // the role; a stored-only tensor keeps its stored name
                }
            }
        }
    }

    private static long[]? Dims(JToken? shape) => shape is JArray dims ? [.. dims.Values<long>()] : null;

    private static string VerdictText(Verdict verdict) => verdict == Verdict.NoWeights ? "no-weights" : verdict.ToString().ToLowerInvariant();
}
