using KerasInspect.Core.Analysis;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Audit;

/// <summary>The audit pipeline's no-weights case (<see cref="Reading.ModelAuditor"/>): the report of a config with no stored weights: every verified layer is <see cref="Verdict.NoWeights"/>.</summary>
internal static class ConfigOnlyAudit
{
    public static FileReport Build(string? path, string format, string? kerasVersion, ModelAnalysis analysis) =>
        new(path, format, kerasVersion)
        {
            Model = analysis.Model.Name,
            Layers = [.. analysis.Layers.Select(Row)],
            Findings = [.. analysis.Diagnostics, .. UnsafeLayerAudit.Find(analysis.Model, LayerRules.Default)],
        };

    private static LayerReport Row(LayerAnalysis layer)
    {
        var verdict = layer.IsVerified ? Verdict.NoWeights : Verdict.Unverified;
        return new LayerReport(layer.Layer.Name, layer.Layer.ClassName, verdict)
        {
            Expected = layer,
            Tensors = layer.Children.Count > 0 ? [] : [.. (layer.Tensors ?? []).Select(t => new TensorCheck(t.Name, verdict) { ExpectedShape = t.Shape, Trainable = t.Trainable })],
            Children = [.. layer.Children.Select(Row)],
        };
    }
}
