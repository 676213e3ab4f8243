namespace KerasInspect.Hdf5;

/// <summary>
/// Where the sign, exponent and mantissa of a floating-point type sit, in bits from the element's least significant bit
/// (after byte order is applied), and the exponent bias. IEEE float32 is sign 31, exponent 23 + 8, mantissa 0 + 23, bias 127.
/// </summary>
internal sealed record H5FloatLayout(
    int SignLocation,
    int ExponentLocation,
    int ExponentSize,
    int MantissaLocation,
    int MantissaSize,
    long ExponentBias,
    H5MantissaNormalization Normalization,
    bool IsVaxOrder)
{
    /// <summary>The IEEE 754 layout of a 2-, 4- or 8-byte float, or null for other sizes.</summary>
    public static H5FloatLayout? Ieee(int size) => size switch
    {
        2 => new H5FloatLayout(15, 10, 5, 0, 10, 15, H5MantissaNormalization.Implied, IsVaxOrder: false),
        4 => new H5FloatLayout(31, 23, 8, 0, 23, 127, H5MantissaNormalization.Implied, IsVaxOrder: false),
        8 => new H5FloatLayout(63, 52, 11, 0, 52, 1023, H5MantissaNormalization.Implied, IsVaxOrder: false),
        _ => null,
    };
}
