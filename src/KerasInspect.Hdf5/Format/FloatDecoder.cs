namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Decodes floats whose layout is not IEEE (moved fields, another exponent bias, a stored leading bit) the way libhdf5
/// converts them to the numpy type h5py picks (<see cref="NumpyFloatMatch"/>): an all-ones exponent is infinity or NaN,
/// a zero exponent (or no normalization) is denormal, and the result is rounded to the target width.
/// </summary>
internal static class FloatDecoder
{
    /// <summary>The value of one element, or null where libhdf5 refuses the conversion or the layout does not fit the element.</summary>
    public static double? Decode(ReadOnlySpan<byte> element, bool bigEndian, H5FloatLayout layout)
    {
        var bitCount = element.Length * 8;
        if (element.Length > 8 || layout.IsVaxOrder
            || !Fits(layout.SignLocation, 1, bitCount)
            || !Fits(layout.ExponentLocation, layout.ExponentSize, bitCount)
            || !Fits(layout.MantissaLocation, layout.MantissaSize, bitCount))
        {
            return null;
        }

        var bits = AttributeValueDecoder.ReadUnsigned(element, bigEndian);
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
        if (layout.ExponentSize > 0 && exponent == Field(ulong.MaxValue, 0, layout.ExponentSize))
        {
            return mantissa == 0 ? double.PositiveInfinity : double.NaN;
        }

        var fraction = Math.ScaleB(mantissa, -layout.MantissaSize);
        if (exponent == 0 || layout.Normalization == H5MantissaNormalization.None)
        {
            return Math.ScaleB(fraction, Clamp((long)exponent - layout.ExponentBias + 1));
        }

        // libhdf5 has no conversion for a stored leading bit ("normalization method not implemented yet").
        return layout.Normalization == H5MantissaNormalization.Implied
            ? Math.ScaleB(1 + fraction, Clamp((long)exponent - layout.ExponentBias))
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
