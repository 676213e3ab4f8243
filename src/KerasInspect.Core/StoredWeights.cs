namespace KerasInspect.Core;

/// <summary>What a model file stores: its format facts and every layer's weight tensors.</summary>
public sealed record StoredWeights(string File, string Format, string? KerasVersion, string? Backend, IReadOnlyList<StoredLayer> Layers)
{
    public long? ParameterCount => ShapeMath.TrySum(Layers.Select(l => l.ParameterCount));
}
