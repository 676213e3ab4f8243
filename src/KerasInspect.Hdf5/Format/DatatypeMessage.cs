using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A datatype message (File Format Specification IV.A.2.d). Fixed-point, floating-point, fixed-length strings
/// and variable-length strings are described fully; every other class is recognised by class and size only.
/// </summary>
internal static class DatatypeMessage
{
    public static H5DataType Read(ReadContext context, ByteCursor data, int depth = 0)
    {
        var at = data.CurrentFileOffset;
        if (depth > context.Limits.MaxDatatypeDepth)
        {
            throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"datatype nesting is deeper than {context.Limits.MaxDatatypeDepth}"));
        }

        var classAndVersion = data.Byte();
        var typeClass = classAndVersion & 0x0f;
        var version = classAndVersion >> 4;
        if (version is < 1 or > 5)
        {
            throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"datatype version {version} is not valid (1 to 5)"));
        }

        var bits = data.Byte() | (data.Byte() << 8) | (data.Byte() << 16);
        var sizeAt = data.CurrentFileOffset;
        var size = data.UInt32();
        if (size is 0 or > int.MaxValue)
        {
            throw context.Malformed(sizeAt, string.Create(CultureInfo.InvariantCulture, $"datatype element size {size} is not valid"));
        }

        var elementSize = (int)size;
        return typeClass switch
        {
            0 => ReadFixedPoint(data, elementSize, bits),
            1 => ReadFloat(context, data, elementSize, bits),
            3 => new H5DataType(H5TypeClass.FixedLengthString, elementSize, IsUtf8: ((bits >> 4) & 0x0f) == 1, Padding: (H5StringPadding)(bits & 0x0f)),
            9 => ReadVariableLength(context, data, elementSize, bits, depth),
            <= 10 => new H5DataType((H5TypeClass)typeClass, elementSize),
            _ => throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"datatype class {typeClass} does not exist (0 to 10)")),
        };
    }

    /// <summary>Integers: byte order, sign, and the significant bits (libhdf5 ignores the padding bits on conversion).</summary>
    private static H5DataType ReadFixedPoint(ByteCursor data, int size, int bits)
    {
        var type = new H5DataType(H5TypeClass.FixedPoint, size, IsSigned: (bits & 0x08) != 0, IsBigEndian: (bits & 0x01) != 0);
        return data.Remaining >= 4 ? type with { BitOffset = data.UInt16(), Precision = data.UInt16() } : type;
    }

    private static H5DataType ReadFloat(ReadContext context, ByteCursor data, int size, int bits)
    {
        var normalization = (bits >> 4) & 0x03;
        if (normalization == 3)
        {
            throw context.Malformed(data.CurrentFileOffset - 7, "floating-point mantissa normalization 3 does not exist (0 to 2)");
        }

        var bitOffset = data.UInt16();
        var precision = data.UInt16();
        var exponentLocation = data.Byte();
        var exponentSize = data.Byte();
        var mantissaLocation = data.Byte();
        var mantissaSize = data.Byte();
        var exponentBias = data.UInt32();
        var layout = new H5FloatLayout(
            SignLocation: (bits >> 8) & 0xff,
            ExponentLocation: exponentLocation,
            ExponentSize: exponentSize,
            MantissaLocation: mantissaLocation,
            MantissaSize: mantissaSize,
            ExponentBias: exponentBias,
            Normalization: (H5MantissaNormalization)normalization,
            IsVaxOrder: (bits & 0x40) != 0);
        var isIeee = bitOffset == 0 && precision == size * 8 && layout == H5FloatLayout.Ieee(size);
        return new H5DataType(H5TypeClass.FloatingPoint, size, IsSigned: true, IsBigEndian: (bits & 0x01) != 0, IsIeee: isIeee)
        {
            FloatLayout = layout,
        };
    }

    private static H5DataType ReadVariableLength(ReadContext context, ByteCursor data, int size, int bits, int depth)
    {
        var isString = (bits & 0x0f) == 1;
        var baseType = data.Remaining > 0 ? Read(context, data, depth + 1) : null;
        return new H5DataType(
            H5TypeClass.VariableLength,
            size,
            IsVariableLengthString: isString,
            IsUtf8: ((bits >> 8) & 0x0f) == 1,
            Padding: (H5StringPadding)((bits >> 4) & 0x0f))
        {
            BaseSize = baseType?.Size ?? 1,
        };
    }
}
