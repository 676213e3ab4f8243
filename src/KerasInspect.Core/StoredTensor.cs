namespace KerasInspect.Core;

/// <summary>A weight tensor as stored in a file: the layer it belongs to, its name, where it is, its shape and element type.</summary>
public sealed record StoredTensor(string Layer, string Name, string StoredPath, IReadOnlyList<long> Shape, string ElementType)
{
    /// <summary>
    /// Set when the format stores no role names, only an order (Keras 3's <c>vars/0</c>, <c>vars/1</c>, …): the tensor's
    /// place among its layer's tensors, which is the order the layer creates its weights in.
    /// </summary>
    public int? Position { get; init; }

    /// <summary>Number of elements, or null when the product of the dimensions does not fit in 64 bits.</summary>
    public long? ElementCount => ShapeMath.TryCount(Shape);
}
