namespace KerasInspect.Core;

/// <summary>One layer's weights as a file stores them, in the order the file lists them.</summary>
public sealed record StoredLayer(string Name, IReadOnlyList<StoredTensor> Tensors)
{
    /// <summary>The stored parameter count: the sum of the tensors' element counts, or null on overflow.</summary>
    public long? ParameterCount => ShapeMath.TrySum(Tensors.Select(t => t.ElementCount));
}
