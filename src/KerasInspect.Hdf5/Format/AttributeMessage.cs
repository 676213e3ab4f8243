using System.Globalization;
using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// An attribute message (File Format Specification IV.A.2.m), versions 1–3: name, datatype, dataspace and value.
/// Version 1 pads each of the three parts to a multiple of 8 bytes; versions 2 and 3 do not.
/// </summary>
internal static class AttributeMessage
{
    public static H5Attribute Read(ReadContext context, ByteCursor data)
    {
        var at = data.FileOffset;
        var version = data.Byte();
        if (version is < 1 or > 3)
        {
            throw context.Unsupported(at, string.Create(CultureInfo.InvariantCulture, $"attribute message version {version} is not supported (1 to 3 are)"));
        }

        var flags = data.Byte(); // reserved in version 1: libhdf5 ignores it there
        if (version >= 2 && (flags & 0x03) != 0)
        {
            throw context.Unsupported(at + 1, "an attribute with a shared datatype or dataspace is not supported");
        }

        int nameSize = data.UInt16();
        int typeSize = data.UInt16();
        int spaceSize = data.UInt16();
        if (version == 3)
        {
            data.Skip(1); // name character set: names are decoded as UTF-8, which covers ASCII
        }

        var name = ReadName(context, data.Slice(nameSize, "attribute name"));
        Pad(data, version);
        var type = DatatypeMessage.Read(context, data.Slice(typeSize, $"datatype of attribute '{name}'"));
        Pad(data, version);
        var space = DataspaceMessage.Read(context, data.Slice(spaceSize, $"dataspace of attribute '{name}'"));
        Pad(data, version);
        return new H5Attribute(name, type, space.Dimensions, AttributeValueDecoder.Decode(context, type, space, data, name));
    }

    private static void Pad(ByteCursor data, int version)
    {
        if (version == 1)
        {
            data.AlignTo8();
        }
    }

    private static string ReadName(ReadContext context, ByteCursor name)
    {
        var bytes = name.Bytes(name.Remaining);
        var end = bytes.IndexOf((byte)0);
        if (end < 0)
        {
            end = bytes.Length; // version 1 always stores the NUL; tolerate its absence rather than guess a length
        }

        if (end == 0 || end > context.Limits.MaxNameBytes)
        {
            throw context.Malformed(name.FileOffset, string.Create(CultureInfo.InvariantCulture, $"attribute name length {end} is outside 1 to {context.Limits.MaxNameBytes}"));
        }

        return Encoding.UTF8.GetString(bytes[..end]);
    }
}
