using System.Globalization;

namespace KerasInspect.Hdf5;

/// <summary>The parts of an HDF5 datatype that matter for metadata: class, element size, sign, and string form.</summary>
public sealed record H5DataType(
    H5TypeClass Class,
    int Size,
    bool IsSigned = false,
    bool IsBigEndian = false,
    bool IsIeee = true,
    bool IsVariableLengthString = false,
    bool IsUtf8 = false,
    H5StringPadding Padding = H5StringPadding.NullTerminate)
{
    /// <summary>For integers: the first significant bit; bits outside <see cref="BitOffset"/> .. + <see cref="Precision"/> are padding.</summary>
    public int BitOffset { get; init; }

    /// <summary>For integers: the number of significant bits (normally the whole element).</summary>
    public int Precision { get; init; } = Size * 8;

    /// <summary>
    /// A short name in numpy's spelling: <c>float32</c>, <c>int64</c>, <c>uint8</c>, <c>S12</c> (fixed-length string),
    /// <c>vlen-str</c>, or <c>other</c> for every class the reader does not decode.
    /// </summary>
    public string Name => Class switch
    {
        H5TypeClass.FixedPoint when Size is 1 or 2 or 4 or 8 =>
            string.Create(CultureInfo.InvariantCulture, $"{(IsSigned ? "int" : "uint")}{Size * 8}"),
        H5TypeClass.FloatingPoint when IsIeee && Size is 2 or 4 or 8 =>
            string.Create(CultureInfo.InvariantCulture, $"float{Size * 8}"),
        H5TypeClass.FixedLengthString => string.Create(CultureInfo.InvariantCulture, $"S{Size}"),
        H5TypeClass.VariableLength when IsVariableLengthString => "vlen-str",
        _ => "other",
    };

    public override string ToString() => Name;
}
