using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;

namespace KerasInspect.Core.Reading;

/// <summary>
/// The one audit pipeline: analyses the model a reader found, cross-checks it with the stored weights (or, with none,
/// reports the config alone), and appends the reader's findings.
/// </summary>
public static class ModelAuditor
{
    public static FileReport Audit(ModelContents contents) => Audit(contents, ModelAnalyzer.Default);

    public static FileReport Audit(ModelContents contents, ModelAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(analyzer);
        var analysis = contents.Model is { } model ? analyzer.Analyze(model) : null;
        var report = contents.Weights is { } weights
            ? CrossCheck.Build(contents.Path ?? weights.File, contents.Format, contents.KerasVersion, analysis, weights, contents.OptimizerTensors)
            : ConfigOnlyAudit.Build(contents.Path, contents.Format, contents.KerasVersion,
                analysis ?? throw new ArgumentException("the contents hold neither a model nor weights", nameof(contents)));
        return contents.Findings.Count == 0 ? report : report with { Findings = [.. report.Findings, .. contents.Findings] };
    }
}
