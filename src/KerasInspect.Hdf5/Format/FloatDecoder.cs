namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Decodes floats whose layout is not IEEE (moved fields, another exponent bias, no implied leading bit, VAX order) the
/// way libhdf5 1.10's soft conversion turns them into the numpy type h5py picks (<see cref="NumpyFloatMatch"/>), quirks
/// included, as h5py reports them (testdata/hdf5/odd_floats.h5): a zero exponent and mantissa is zero; an all-ones
/// exponent (an empty one counts) is infinity or NaN; a zero exponent, or no normalization, is denormal; the result
/// is rounded to the target width.
/// </summary>
internal static class FloatDecoder
{
    /// <summary>The value of one element, or null where libhdf5 refuses the conversion or the layout does not fit the element.</summary>
    public static double? Decode(ReadOnlySpan<byte> element, bool bigEndian, H5FloatLayout layout)
    {
        var bitCount = element.Length * 8;
        if (element.Length > 8
            || !Fits(layout.SignLocation, 1, bitCount)
            || !Fits(layout.ExponentLocation, layout.ExponentSize, bitCount)
            || !Fits(layout.MantissaLocation, layout.MantissaSize, bitCount))
        {
            return null;
        }

        // libhdf5 1.10 reads VAX order as big-endian (checked with h5py for 4- and 8-byte floats).
        var bits = AttributeValueDecoder.ReadUnsigned(element, bigEndian || layout.IsVaxOrder);
        var negative = ((bits >> layout.SignLocation) & 1) != 0;
        var exponent = Field(bits, layout.ExponentLocation, layout.ExponentSize);
        var mantissa = Field(bits, layout.MantissaLocation, layout.MantissaSize);
        var magnitude = Magnitude(exponent, mantissa, layout);
        if (magnitude is not { } value)
        {
            return null;
        }

        return RoundToOwnWidth(negative ? -value : value, element.Length);
    }

    private static double? Magnitude(ulong exponent, ulong mantissa, H5FloatLayout layout)
    {
        if (exponent == 0 && mantissa == 0)
        {
            return 0;
        }

        var none = layout.Normalization == H5MantissaNormalization.None;
        if (exponent == Field(ulong.MaxValue, 0, layout.ExponentSize))
        {
            // Without normalization libhdf5 ignores the mantissa's top bit here.
            var rest = none ? Field(mantissa, 0, Math.Max(layout.MantissaSize - 1, 0)) : mantissa;
            return rest == 0 ? double.PositiveInfinity : double.NaN;
        }

        if (exponent == 0 || none)
        {
            // A zero mantissa with a non-zero exponent has no leading bit to find; libhdf5 then takes one just below it.
            return mantissa == 0
                ? Math.ScaleB(1.0, Clamp((long)exponent - layout.ExponentBias - layout.MantissaSize))
                : Math.ScaleB(Math.ScaleB(mantissa, -layout.MantissaSize), Clamp((long)exponent - layout.ExponentBias + 1));
        }

        // libhdf5 has no conversion for a stored leading bit ("normalization method not implemented yet").
        return layout.Normalization == H5MantissaNormalization.Implied
            ? Math.ScaleB(1 + Math.ScaleB(mantissa, -layout.MantissaSize), Clamp((long)exponent - layout.ExponentBias))
            : null;
    }

    private static double RoundToOwnWidth(double value, int size) => size switch
    {
        2 => (double)(Half)value,
        4 => (float)value,
        _ => value,
    };

    private static bool Fits(int location, int size, int bitCount) => location >= 0 && size >= 0 && location + size <= bitCount;

    private static ulong Field(ulong bits, int location, int size) =>
        size == 0 ? 0 : (bits >> location) & (size >= 64 ? ulong.MaxValue : (1UL << size) - 1);

    private static int Clamp(long exponent) => (int)Math.Clamp(exponent, -100_000, 100_000);
}
