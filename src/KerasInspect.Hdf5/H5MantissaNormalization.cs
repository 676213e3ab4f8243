namespace KerasInspect.Hdf5;

/// <summary>How a floating-point type's mantissa carries its leading bit (File Format Specification IV.A.2.d, bits 4–5).</summary>
internal enum H5MantissaNormalization
{
    None = 0,
    MostSignificantBitSet = 1,
    Implied = 2,
}
