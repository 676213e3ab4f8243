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
    /// For variable-length types: the size of one base element (1 for a string's characters). A stored length counts
    /// base elements, so a string of length n occupies n × this many bytes, as libhdf5 reads it.
    /// </summary>
    internal int BaseSize { get; init; } = 1;

    /// <summary>For floats: where the sign, exponent and mantissa sit; null when the type was not read from a file.</summary>
    internal H5FloatLayout? FloatLayout { get; init; }

    /// <summary>
    /// A short name in numpy's spelling: <c>float32</c>, <c>int64</c>, <c>uint8</c>, <c>S12</c> (fixed-length string),
    /// <c>vlen-str</c>, or <c>other</c> for every class the reader does not decode. A float is named as h5py names it.
    /// </summary>
    public string Name => Class switch
    {
        H5TypeClass.FixedPoint when Size is 1 or 2 or 4 or 8 =>
            string.Create(CultureInfo.InvariantCulture, $"{(IsSigned ? "int" : "uint")}{Size * 8}"),
        H5TypeClass.FloatingPoint when Size is 2 or 4 or 8 && IsNumpyFloatOfOwnSize =>
            string.Create(CultureInfo.InvariantCulture, $"float{Size * 8}"),
        H5TypeClass.FixedLengthString => string.Create(CultureInfo.InvariantCulture, $"S{Size}"),
        H5TypeClass.VariableLength when IsVariableLengthString => "vlen-str",
        _ => "other",
    };

    public override string ToString() => Name;

    /// <summary>h5py maps the type to the numpy float of the same width (see <see cref="Format.NumpyFloatMatch"/>).</summary>
    internal bool IsNumpyFloatOfOwnSize =>
        FloatLayout is { } layout ? Format.NumpyFloatMatch.NumpySize(Size, layout) == Size : IsIeee;
}
