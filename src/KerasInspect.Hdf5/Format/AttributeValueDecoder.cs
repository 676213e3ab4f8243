using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Decodes an attribute's raw value: integers, IEEE floats, fixed-length strings and variable-length strings
/// (through the global heap). Other classes are reported by name, not decoded.
/// </summary>
internal static class AttributeValueDecoder
{
    private const int VariableLengthElementBytes = 16;

    public static H5Value Decode(ReadContext context, H5DataType type, DataspaceMessage space, ByteCursor data, string name)
    {
        if (!space.CountFits || space.ElementCount > context.Limits.MaxAttributeElements)
        {
            throw context.Malformed(data.CurrentFileOffset, string.Create(CultureInfo.InvariantCulture, $"attribute '{name}' claims more than {context.Limits.MaxAttributeElements} elements"));
        }

        var count = (int)space.ElementCount;
        if (type.Class == H5TypeClass.VariableLength && !type.IsVariableLengthString)
        {
            return new H5UndecodedValue("variable-length sequence of non-string elements");
        }

        var elementSize = type.Class == H5TypeClass.VariableLength ? VariableLengthElementBytes : type.Size;
        var total = (long)count * elementSize;
        if (total > data.Remaining)
        {
            throw context.Malformed(data.CurrentFileOffset, string.Create(CultureInfo.InvariantCulture, $"attribute '{name}' needs {total} bytes for {count} elements of {elementSize} bytes, its message has {data.Remaining}"));
        }

        context.ChargeValueBytes(total, data.CurrentFileOffset);
        var raw = data.Slice((int)total, $"value of attribute '{name}'");
        return type.Class switch
        {
            H5TypeClass.FixedPoint when type.Size is 1 or 2 or 4 or 8 => DecodeIntegers(context, type, raw, count, name),
            H5TypeClass.FloatingPoint when type.IsIeee && type.Size is 2 or 4 or 8 => DecodeFloats(type, raw, count),
            H5TypeClass.FloatingPoint when type.Size is 2 or 4 or 8 && type.IsNumpyFloatOfOwnSize && type.FloatLayout is { } layout =>
                DecodeOtherFloats(type, layout, raw, count),
            H5TypeClass.FixedLengthString => DecodeFixedStrings(type, raw, count),
            H5TypeClass.VariableLength => DecodeVariableLengthStrings(context, type, raw, count),
            _ => new H5UndecodedValue(string.Create(CultureInfo.InvariantCulture, $"{type.Class} datatype of {type.Size} bytes is not decoded")),
        };
    }

    private static H5Value DecodeIntegers(ReadContext context, H5DataType type, ByteCursor raw, int count, string name)
    {
        var width = type.Size * 8;
        if (type.Precision == 0)
        {
            return new H5IntegerValue(new long[count]); // no significant bits: libhdf5 converts every element to 0
        }

        if (type.Precision < 0 || type.BitOffset < 0 || type.BitOffset + type.Precision > width)
        {
            // libhdf5 would read bits past the element for the value; a dataset's type is only named, never decoded.
            throw context.Malformed(raw.CurrentFileOffset, string.Create(CultureInfo.InvariantCulture, $"integer type of attribute '{name}' has {type.Precision} significant bits at bit {type.BitOffset}, outside its {width} bits"));
        }

        var items = new long[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = raw.Bytes(type.Size);
            // Only the significant bits count: shift them to the top, then back down (arithmetic for signed types).
            var unsigned = ReadUnsigned(bytes, type.IsBigEndian) << (64 - type.BitOffset - type.Precision);
            var shift = 64 - type.Precision;
            if (type.IsSigned)
            {
                items[i] = (long)unsigned >> shift;
                continue;
            }

            unsigned >>= shift;
            if (unsigned > long.MaxValue)
            {
                return new H5UndecodedValue(string.Create(CultureInfo.InvariantCulture, $"unsigned value {unsigned} of '{name}' is beyond 64-bit signed range"));
            }

            items[i] = (long)unsigned;
        }

        return new H5IntegerValue(items);
    }

    internal static ulong ReadUnsigned(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        ulong value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bigEndian ? bytes[i] : bytes[bytes.Length - 1 - i];
            value = (value << 8) | b;
        }

        return value;
    }

    private static H5FloatValue DecodeFloats(H5DataType type, ByteCursor raw, int count)
    {
        var items = new double[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = raw.Bytes(type.Size);
            items[i] = (type.Size, type.IsBigEndian) switch
            {
                (2, false) => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes),
                (2, true) => (double)BinaryPrimitives.ReadHalfBigEndian(bytes),
                (4, false) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                (4, true) => BinaryPrimitives.ReadSingleBigEndian(bytes),
                (_, false) => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                (_, true) => BinaryPrimitives.ReadDoubleBigEndian(bytes),
            };
        }

        return new H5FloatValue(items);
    }

    private static H5Value DecodeOtherFloats(H5DataType type, H5FloatLayout layout, ByteCursor raw, int count)
    {
        var items = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (FloatDecoder.Decode(raw.Bytes(type.Size), type.IsBigEndian, layout) is not { } value)
            {
                return new H5UndecodedValue(string.Create(CultureInfo.InvariantCulture, $"a {type.Size}-byte float whose layout libhdf5 does not convert"));
            }

            items[i] = value;
        }

        return new H5FloatValue(items);
    }

    private static H5StringValue DecodeFixedStrings(H5DataType type, ByteCursor raw, int count)
    {
        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = raw.Bytes(type.Size);
            items[i] = Encoding.UTF8.GetString(Trim(bytes, type.Padding));
        }

        return new H5StringValue(items);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes, H5StringPadding padding)
    {
        switch (padding)
        {
            case H5StringPadding.NullTerminate:
                var end = bytes.IndexOf((byte)0);
                return end < 0 ? bytes : bytes[..end];
            case H5StringPadding.SpacePad:
                return bytes.TrimEnd((byte)' ');
            default:
                return bytes.TrimEnd((byte)0);
        }
    }

    private static H5StringValue DecodeVariableLengthStrings(ReadContext context, H5DataType type, ByteCursor raw, int count)
    {
        var items = new string[count];
        for (var i = 0; i < count; i++)
        {
            var at = raw.CurrentFileOffset;
            var length = raw.UInt32();
            var collection = raw.Address();
            var index = raw.UInt32();
            if (collection is 0 or ReadContext.Undefined || length == 0)
            {
                items[i] = "";
                continue;
            }

            var bytes = context.GlobalHeaps.ReadObject(context, context.Resolve(collection, at + 4, "global heap collection"), (int)Math.Min(index, int.MaxValue), at);
            var byteCount = (long)length * type.BaseSize;
            if (byteCount > bytes.Length)
            {
                throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"variable-length string claims {length} × {type.BaseSize} bytes, its heap object holds {bytes.Length}"));
            }

            // libhdf5 hands variable-length strings to callers as C strings, so an embedded NUL ends them.
            var text = bytes.AsSpan(0, (int)byteCount);
            var nul = text.IndexOf((byte)0);
            items[i] = Encoding.UTF8.GetString(nul < 0 ? text : text[..nul]);
        }

        return new H5StringValue(items);
    }
}
