using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Json;

/// <summary>A model config read from JSON, with the version facts its envelope carried.</summary>
public sealed record KerasModelConfig(ModelDescription Model, string? KerasVersion, string? Backend);
