namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Link info (IV.A.2.c) or attribute info (IV.A.2.v): both say whether an object's links or attributes live in
/// dense storage, a fractal heap indexed by a version 2 B-tree on names.
/// </summary>
internal sealed record LinkInfoMessage(long? FractalHeap, long NameIndexAt, long? NameIndex)
{
    // maxIndexBytes: the optional maximum creation index is 8 bytes in link info, 2 in attribute info.
    public static LinkInfoMessage Read(ReadContext context, ByteCursor data, int maxIndexBytes, string what)
    {
        var at = data.FileOffset;
        var version = data.Byte();
        if (version != 0)
        {
            throw context.Unsupported(at, $"{what} message version {version} is not supported (only 0)");
        }

        var flags = data.Byte();
        if ((flags & 0x01) != 0)
        {
            data.Skip(maxIndexBytes);
        }

        var heapAt = data.CurrentFileOffset;
        var heap = data.Address();
        var indexAt = data.CurrentFileOffset;
        var index = data.Address();
        return new LinkInfoMessage(
            heap == ReadContext.Undefined ? null : context.Resolve(heap, heapAt, $"{what} fractal heap"),
            indexAt,
            index == ReadContext.Undefined ? null : context.Resolve(index, indexAt, $"{what} name index"));
    }
}
