using KerasInspect.Core;
using KerasInspect.Core.Audit;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>
/// One generated fixture per kind of real file the tool once misread (scripts/gen-realfiles-fixtures.py, issue 14): each
/// audited to the verdicts and counts its manifest works out by hand from the declared shapes, with the findings the kind
/// must report (and those it must not), or refused with the text its manifest names.
/// </summary>
public sealed class RealFileFixtureTests
{
    private static readonly JArray Fixtures = (JArray)JObject.Parse(File.ReadAllText(TestPaths.InTestData("realfiles", "MANIFEST.json")))["fixtures"]!;

    public static TheoryData<string> Files() => FixtureManifest.Files("realfiles");

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_kind_reads_to_the_verdicts_and_counts_of_its_declared_shapes(string file)
    {
        var fixture = Fixtures.Single(f => (string?)f["file"] == file);
        var expect = fixture["expect"]!;
        var path = TestPaths.InTestData("realfiles", file);
        var config = (string?)fixture["config"] is { } name ? TestPaths.InTestData("realfiles", name) : null;

        if ((string?)expect["error"] is { } error)
        {
            var refusal = Assert.ThrowsAny<KerasInspectException>(() => FileAuditor.Audit(path, config));
            Assert.Contains(error, refusal.Message, StringComparison.Ordinal);
            return;
        }

        var report = FileAuditor.Audit(path, config);

        Assert.Equal((string?)fixture["format"], report.Format);
        AssertLayers(expect["layers"]!, report.Layers);
        Assert.Equal((long)expect["expectedParams"]!, report.ExpectedParams);
        Assert.Equal((long?)expect["storedParams"], report.StoredParams);
        Assert.False(report.HasDisagreement);
        Assert.All(expect["findings"]!.Values<string>(), code => Assert.Contains(report.Findings, f => f.Code == code));
        Assert.All(expect["absentFindings"]!.Values<string>(), code => Assert.DoesNotContain(report.Findings, f => f.Code == code));
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
