using System.Globalization;
using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>A link message (File Format Specification IV.A.2.g): one link of a new-style group, hard, soft or external.</summary>
internal static class LinkMessage
{
    public static LinkEntry Read(ReadContext context, ByteCursor data)
    {
        var at = data.FileOffset;
        var version = data.Byte();
        if (version != 1)
        {
            throw context.Unsupported(at, string.Create(CultureInfo.InvariantCulture, $"link message version {version} is not supported (only 1)"));
        }

        var flags = data.Byte();
        var linkType = (flags & 0x08) != 0 ? data.Byte() : 0;
        if ((flags & 0x04) != 0)
        {
            data.Skip(8); // creation order
        }

        if ((flags & 0x10) != 0)
        {
            data.Skip(1); // name character set: names are decoded as UTF-8, which covers ASCII
        }

        var nameLength = data.UIntOfSize(1 << (flags & 0x03));
        var name = ReadName(context, data, nameLength, at);
        switch (linkType)
        {
            case 0:
                var targetAt = data.CurrentFileOffset;
                return LinkEntry.Hard(name, context.Resolve(data.Address(), targetAt, "linked object header"), at);
            case 1:
                return LinkEntry.Soft(name, Encoding.UTF8.GetString(data.Bytes(data.UInt16())), at);
            case 64:
                var value = data.Slice(data.UInt16(), "external link value");
                value.Skip(1); // version and flags
                var parts = value.Bytes(value.Remaining);
                var fileEnd = parts.IndexOf((byte)0);
                if (fileEnd < 0)
                {
                    throw context.Malformed(value.FileOffset, "external link file name has no terminating NUL");
                }

                var path = parts[(fileEnd + 1)..];
                var pathEnd = path.IndexOf((byte)0);
                return LinkEntry.External(
                    name,
                    Encoding.UTF8.GetString(parts[..fileEnd]),
                    Encoding.UTF8.GetString(pathEnd < 0 ? path : path[..pathEnd]),
                    at);
            default:
                throw context.Unsupported(at, string.Create(CultureInfo.InvariantCulture, $"link '{Encoding.UTF8.GetString(name)}' has user-defined link type {linkType}, which is not supported"));
        }
    }

    private static byte[] ReadName(ReadContext context, ByteCursor data, ulong length, long at)
    {
        if (length == 0 || length > (ulong)context.Limits.MaxNameBytes)
        {
            throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"link name length {length} is outside 1 to {context.Limits.MaxNameBytes}"));
        }

        context.ChargeNameBytes((long)length, at);
        return data.Bytes((int)length).ToArray();
    }
}
