using KerasInspect.Core.Analysis;

namespace KerasInspect.Core.Audit;

/// <summary>The report of a config with no stored weights: every verified layer is <see cref="Verdict.NoWeights"/>.</summary>
public static class ConfigOnlyAudit
{
    public static FileReport Build(string? path, string format, string? kerasVersion, ModelAnalysis analysis) =>
        new(path, format, kerasVersion)
        {
            Layers = [.. analysis.Layers.Select(Row)],
            Findings = analysis.Diagnostics,
        };

    private static LayerReport Row(LayerAnalysis layer) =>
        new(layer, layer.IsVerified ? Verdict.NoWeights : Verdict.Unverified, [.. layer.Children.Select(Row)]);
}
