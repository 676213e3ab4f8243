using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Json;

/// <summary>A model config read from JSON, with the version facts its envelope carried.</summary>
public sealed record KerasModelConfig(ModelDescription Model, string? KerasVersion, string? Backend)
{
    /// <summary>What reading the JSON itself found (a twice-encoded file, say), reported with the file's other findings.</summary>
    public IReadOnlyList<Diagnostic> Findings { get; init; } = [];
}
