using System.Globalization;

namespace KerasInspect.Core.Audit;

/// <summary>Stored and expected shapes in Keras' tuple notation: <c>(64, 128)</c>, <c>(128,)</c>, <c>()</c>.</summary>
public static class ShapeText
{
    public static string Of(IReadOnlyList<long> shape) =>
        "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + (shape.Count == 1 ? ",)" : ")");
}
