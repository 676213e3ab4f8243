namespace KerasInspect.Core.Layers;

/// <summary>A weight tensor a layer's config implies: its role name (<c>kernel</c>, <c>forward/bias</c>), shape and trainability.</summary>
public sealed record ExpectedTensor(string Name, IReadOnlyList<long> Shape, bool Trainable = true)
{
    /// <summary>Elements in the tensor; throws <see cref="OverflowException"/> for shapes beyond 64 bits.</summary>
    public long Size => Shape.Aggregate(1L, (product, dim) => checked(product * dim));
}
