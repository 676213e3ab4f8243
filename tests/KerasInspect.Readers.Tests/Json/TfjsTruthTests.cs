using KerasInspect.Core.Analysis;
using KerasInspect.Readers.Json;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests.Json;

/// <summary>
/// For every TF.js-saved model of the shared corpus, the counts computed from <c>&lt;id&gt;.keras.json</c> equal what
/// TensorFlow.js itself reported (<c>&lt;id&gt;.truth.json</c>): per layer, in total, and split by trainability.
/// </summary>
public sealed class TfjsTruthTests
{
    private static string Folder => Path.Combine(TestPaths.Shared, "corpus", "tfjs");

    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(Folder))
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var model in (JArray)JObject.Parse(File.ReadAllText(Path.Combine(Folder, "INDEX.json")))["models"]!)
        {
            data.Add((string)model["id"]!);
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Models))]
    public void Counts_equal_tensorflow_js(string id)
    {
        var truth = JObject.Parse(File.ReadAllText(Path.Combine(Folder, id, $"{id}.truth.json")));

        var config = KerasJsonModelReader.ReadFile(Path.Combine(Folder, id, $"{id}.keras.json"));
        var analysis = ModelAnalyzer.Default.Analyze(config.Model);

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Severity > Core.Diagnostics.DiagnosticSeverity.Info);
        var expected = ((JArray)truth["layers"]!).Select(l =>
            $"{l["name"]} {l["class_name"]} {l["params"]} = {l["trainable_params"]} + {l["non_trainable_params"]} out {Shape(l["output_shape"])}");
        var actual = analysis.Layers.Select(l =>
            $"{l.Layer.Name} {l.Layer.ClassName} {l.ExpectedParams} = {l.TrainableParams} + {l.NonTrainableParams} out {l.OutputShapes[0]}");
        Assert.Equal(expected, actual);
        Assert.Equal((long)truth["total_params"]!, analysis.ExpectedParams);
        Assert.Equal((long)truth["trainable_params"]!, analysis.TrainableParams);
        Assert.Equal((long)truth["non_trainable_params"]!, analysis.NonTrainableParams);
    }

    [CorpusTheory]
    [MemberData(nameof(Models))]
    public void Model_json_weights_and_config_agree_with_tensorflow_js(string id)
    {
        var truth = JObject.Parse(File.ReadAllText(Path.Combine(Folder, id, $"{id}.truth.json")));

        var report = FileAuditor.Audit(Path.Combine(Folder, id, "model.json"));

        Assert.Equal("tfjs-layers-json", report.Format);
        var expected = ((JArray)truth["layers"]!).Select(l => $"{l["name"]} {l["params"]} {l["params"]} match");
        var actual = report.Layers.Select(l => $"{l.Name} {l.Expected?.ExpectedParams} {l.StoredParams} {l.Verdict.ToString().ToLowerInvariant()}");
        Assert.Equal(expected, actual);
        Assert.Equal((long)truth["total_params"]!, report.StoredParams);
        Assert.Equal(((long)truth["trainable_params"]!, (long)truth["non_trainable_params"]!), (report.TrainableParams, report.NonTrainableParams));
        Assert.DoesNotContain(report.Findings, f => f.Severity > Core.Diagnostics.DiagnosticSeverity.Info);
    }

    /// <summary>TF.js' [null, 10, 4] in Keras' (None, 10, 4) notation.</summary>
    private static string Shape(JToken? shape) =>
        shape is JArray dims && dims.Count > 0 && dims[0] is JArray ? Shape(dims[0])
        : shape is JArray list ? "(" + string.Join(", ", list.Select(d => d.Type == JTokenType.Null ? "None" : d.ToString())) + (list.Count == 1 ? ",)" : ")")
        : "?";
}
