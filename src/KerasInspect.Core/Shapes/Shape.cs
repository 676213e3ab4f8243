using System.Globalization;

namespace KerasInspect.Core.Shapes;

/// <summary>
/// A tensor shape with the batch dimension first. A null dimension is unknown (Keras' <c>None</c>): the batch,
/// a variable sequence length, or anything that cannot be inferred.
/// </summary>
public sealed class Shape : IEquatable<Shape>
{
    public Shape(IReadOnlyList<long?> dimensions) => Dimensions = dimensions;

    public IReadOnlyList<long?> Dimensions { get; }

    public int Rank => Dimensions.Count;

    /// <summary>The last dimension, or null when unknown or when the shape is scalar.</summary>
    public long? Last => Rank == 0 ? null : Dimensions[^1];

    public long? this[int axis] => Dimensions[axis];

    public static Shape Of(params long?[] dimensions) => new(dimensions);

    public Shape WithLast(long? value) => new([.. Dimensions.Take(Rank - 1), value]);

    public Shape WithoutAxis(int axis) => new([.. Dimensions.Where((_, i) => i != axis)]);

    public Shape InsertAxis(int axis, long? value)
    {
        var dims = Dimensions.ToList();
        dims.Insert(axis, value);
        return new Shape(dims);
    }

    /// <summary>Keras' notation: <c>(None, 10, 64)</c>.</summary>
    public override string ToString() =>
        "(" + string.Join(", ", Dimensions.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "None")) + (Rank == 1 ? ",)" : ")");

    public bool Equals(Shape? other) => other is not null && Dimensions.SequenceEqual(other.Dimensions);

    public override bool Equals(object? obj) => Equals(obj as Shape);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var dim in Dimensions)
        {
            hash.Add(dim);
        }

        return hash.ToHashCode();
    }
}
