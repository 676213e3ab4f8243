using KerasInspect.Core.Analysis;

namespace KerasInspect.Core.Audit;

/// <summary>
/// One row of a report: a layer of the config, of the file, or both. <see cref="Expected"/> is null for a layer the
/// file stores but no config describes; <see cref="StoredParams"/> is null when no weights were read (a config alone).
/// </summary>
public sealed record LayerReport(string Name, string ClassName, Verdict Verdict)
{
    public LayerAnalysis? Expected { get; init; }

    public IReadOnlyList<TensorCheck> Tensors { get; init; } = [];

    public long? StoredParams { get; init; }

    /// <summary>The rows of a nested model's own layers.</summary>
    public IReadOnlyList<LayerReport> Children { get; init; } = [];
}
