namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Which numpy float type h5py gives a floating-point HDF5 type: the smallest of float16, float32, float64 and
/// long double that is at least as wide and whose mantissa and exponent range hold the type's. It looks at sizes and
/// the exponent bias only, not at where the fields sit, so a float32 whose fields were moved is still float32; one
/// whose bias makes the exponent range wider than float32's becomes float64. The reader names types the same way.
/// </summary>
internal static class NumpyFloatMatch
{
    // Size in bytes, mantissa bits without the implied one, largest and smallest binary exponent (numpy's finfo).
    private static readonly (int Size, int MantissaBits, long MaxExponent, long MinExponent)[] Candidates =
    [
        (2, 10, 16, -14),
        (4, 23, 128, -126),
        (8, 52, 1024, -1022),
        (16, 63, 16384, -16382),
    ];

    /// <summary>The byte size of the numpy type h5py maps <paramref name="layout"/> to, or null when none is wide enough.</summary>
    public static int? NumpySize(int size, H5FloatLayout layout)
    {
        foreach (var candidate in Candidates)
        {
            if (candidate.Size >= size
                && layout.MantissaSize <= candidate.MantissaBits
                && LargestExponent(layout) <= candidate.MaxExponent
                && 1 - layout.ExponentBias >= candidate.MinExponent)
            {
                return candidate.Size;
            }
        }

        return null;
    }

    /// <summary>2^exponent size − bias − 1, saturated: an exponent field of 63 bits or more is wider than any candidate.</summary>
    private static long LargestExponent(H5FloatLayout layout) =>
        layout.ExponentSize >= 62 ? long.MaxValue : (1L << layout.ExponentSize) - layout.ExponentBias - 1;
}
