namespace KerasInspect.Core;

/// <summary>Element counts with checked 64-bit arithmetic: an absurd shape gives null, never a wrapped number.</summary>
public static class ShapeMath
{
    public static long? TryCount(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0 || (dim != 0 && count > long.MaxValue / dim))
            {
                return null;
            }

            count *= dim;
        }

        return count;
    }

    /// <summary>Sums counts, or null when any is null or the sum overflows.</summary>
    public static long? TrySum(IEnumerable<long?> counts)
    {
        long total = 0;
        foreach (var count in counts)
        {
            if (count is not { } value || value > long.MaxValue - total)
            {
                return null;
            }

            total += value;
        }

        return total;
    }
}
