namespace KerasInspect.Core;

/// <summary>A weight tensor as stored in a file: the layer it belongs to, its name, where it is, its shape and element type.</summary>
public sealed record StoredTensor(string Layer, string Name, string StoredPath, IReadOnlyList<long> Shape, string ElementType)
{
    /// <summary>Number of elements, or null when the product of the dimensions does not fit in 64 bits.</summary>
    public long? ElementCount => ShapeMath.TryCount(Shape);
}
