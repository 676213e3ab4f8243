using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Config;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Diff;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Reports.Tests.Diff;

/// <summary>
/// A diff of two hand-built reports, so writer tests check formatting only. OLD: input (None, 16) → Dense(8) 'dense'
/// (16 × 8 + 8 = 136) → Dense(2) 'out' (8 × 2 + 2 = 18), 154 in all. NEW: Dense(12) 'dense' (16 × 12 + 12 = 204) →
/// Dense(2) 'out' (12 × 2 + 2 = 26) → a Lambda 'lambda' (no rule, nothing stored, KI6001), 230 in all: +76, 76 / 154 = +49.35%.
/// </summary>
internal static class DiffSamples
{
    public static ModelDiff Diff() =>
        ModelDiff.Compare("old/model.h5", "new/model.h5", Old(), New()) with { OldSize = 1_000, NewSize = 1_200, Failures = ["parameters grew by 49.35%, more than --max-growth 10%"] };

    public static DiffSummary Summary() => DiffSummary.Of([Diff()], "mismatch,unsafe-added", "10%", 1);

    private static FileReport Old() => Report(Input(), Dense("dense", 16, 8), Dense("out", 8, 2));

    private static FileReport New()
    {
        var lambda = new LayerSpec("lambda", "Lambda", Config("lambda"));
        var report = Report(Input(), Dense("dense", 16, 12), Dense("out", 12, 2),
            new LayerReport("lambda", "Lambda", Verdict.Unverified) { Expected = new LayerAnalysis(lambda) { OutputShapes = [null] }, StoredParams = 0 });
        return report with { Findings = [Findings.LambdaLayer("lambda", "$.config.layers[3].config")] };
    }

    private static FileReport Report(params LayerReport[] layers) => new("model.h5", "tf.keras2-h5", "2.11.0") { Model = "sequential", Layers = layers };

    private static LayerReport Input()
    {
        var spec = new LayerSpec("input_1", "InputLayer", Config("input_1"));
        return new LayerReport("input_1", "InputLayer", Verdict.Match)
        {
            Expected = new LayerAnalysis(spec) { OutputShapes = [Shape.Of(null, 16)], Tensors = [], ExpectedParams = 0, TrainableParams = 0, NonTrainableParams = 0 },
            StoredParams = 0,
        };
    }

    private static LayerReport Dense(string name, long inputs, long units)
    {
        var spec = new LayerSpec(name, "Dense", Config(name, ("units", units)));
        var count = (inputs * units) + units;
        return new LayerReport(name, "Dense", Verdict.Match)
        {
            Expected = new LayerAnalysis(spec)
            {
                InputShapes = [Shape.Of(null, inputs)],
                OutputShapes = [Shape.Of(null, units)],
                Tensors = [new ExpectedTensor("kernel", [inputs, units]), new ExpectedTensor("bias", [units])],
                ExpectedParams = count,
                TrainableParams = count,
                NonTrainableParams = 0,
            },
            StoredParams = count,
        };
    }

    private static ConfigValue Config(string name, params (string Key, long Value)[] numbers) =>
        ConfigValue.Object($"$.{name}", [KeyValuePair.Create("name", ConfigValue.Of($"$.{name}.name", name)),
            .. numbers.Select(n => KeyValuePair.Create(n.Key, ConfigValue.Of($"$.{name}.{n.Key}", (double)n.Value)))]);
}
