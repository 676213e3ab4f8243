using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Reading;

/// <summary>
/// What one input holds, as its reader found it: the model description (none for a bare weights file), the stored
/// weights by layer (none for a config alone), the optimizer tensors, and the reader's own findings. Nothing here is
/// judged yet: <see cref="ModelAuditor"/> turns it into a report.
/// </summary>
/// <param name="Format">The format's name in reports (<see cref="FormatNames"/>).</param>
/// <param name="OptimizerTensors">Optimizer state tensors, counted apart; null when the reader did not look.</param>
public sealed record ModelContents(
    string? Path,
    string Format,
    string? KerasVersion,
    ModelDescription? Model,
    StoredWeights? Weights,
    int? OptimizerTensors,
    IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>A config with no stored weights.</summary>
    public static ModelContents ConfigOnly(string? path, string format, string? kerasVersion, ModelDescription model) =>
        new(path, format, kerasVersion, model, null, null, []);
}
