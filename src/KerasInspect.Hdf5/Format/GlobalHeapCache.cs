using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Global heap collections (File Format Specification III.E), where variable-length strings live. Each collection's
/// object table is built once, from the 16-byte object headers only; a string's bytes are read when asked for.
/// </summary>
internal sealed class GlobalHeapCache
{
    private const int ObjectHeaderBytes = 16;

    private readonly Dictionary<long, Dictionary<int, (long Offset, long Size)>> _collections = [];

    /// <summary>The bytes of object <paramref name="index"/> in the collection at <paramref name="collection"/> (absolute).</summary>
    public byte[] ReadObject(ReadContext context, long collection, int index, long referencedAt)
    {
        if (!_collections.TryGetValue(collection, out var objects))
        {
            objects = ReadTable(context, collection, referencedAt);
            _collections.Add(collection, objects);
        }

        if (!objects.TryGetValue(index, out var found))
        {
            throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"global heap collection at byte {collection} has no object {index}"));
        }

        context.ChargeStringBytes(found.Size, referencedAt);
        return context.ReadBytes(found.Offset, found.Size, referencedAt, "global heap object");
    }

    private static Dictionary<int, (long Offset, long Size)> ReadTable(ReadContext context, long address, long referencedAt)
    {
        var header = context.Read(address, 16, referencedAt, "global heap collection");
        header.ExpectSignature("GCOL");
        var version = header.Byte();
        if (version != 1)
        {
            throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"global heap collection version {version} is not supported (only 1)"));
        }

        header.Skip(3);
        var size = header.LengthField();
        if (size < 16 || size > (ulong)(context.Source.Length - address))
        {
            throw context.Malformed(address + 8, string.Create(CultureInfo.InvariantCulture, $"global heap collection claims {size} bytes; {context.Source.Length - address} remain in the file"));
        }

        var end = address + (long)size;
        var objects = new Dictionary<int, (long, long)>();
        var offset = address + 16;
        while (end - offset >= ObjectHeaderBytes)
        {
            var entry = context.Read(offset, ObjectHeaderBytes, referencedAt, "global heap object");
            int index = entry.UInt16();
            entry.Skip(6); // reference count and reserved
            var objectSize = entry.LengthField();
            if (index == 0)
            {
                // The free-space object ends the collection: libhdf5 writes it with the size of everything left,
                // header included. Any other size means the collection or the object was damaged, and libhdf5
                // would go on parsing the free space as objects.
                if (objectSize != (ulong)(end - offset))
                {
                    throw context.Malformed(offset + 8, string.Create(CultureInfo.InvariantCulture, $"the free space of the global heap collection at byte {address} claims {objectSize} bytes, but {end - offset} remain to the collection's end"));
                }

                break;
            }

            var dataAt = offset + ObjectHeaderBytes;
            if (objectSize > (ulong)(end - dataAt))
            {
                throw context.Malformed(offset + 8, string.Create(CultureInfo.InvariantCulture, $"global heap object {index} claims {objectSize} bytes, past the end of its collection at byte {end}"));
            }

            if (!objects.TryAdd(index, (dataAt, (long)objectSize)))
            {
                throw context.Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"global heap collection at byte {address} holds object {index} twice"));
            }

            offset = dataAt + (((long)objectSize + 7) & ~7L);
        }

        return objects;
    }
}
