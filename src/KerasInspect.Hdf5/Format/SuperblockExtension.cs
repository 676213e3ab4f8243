namespace KerasInspect.Hdf5.Format;

/// <summary>
/// The superblock extension (File Format Specification II.C) of version 2+ superblocks: an object header that
/// matters here only because a shared-message table (III.I) would make other messages unreadable.
/// </summary>
internal static class SuperblockExtension
{
    public static void Check(ReadContext context, long address)
    {
        var header = ObjectHeader.Read(context, address);
        if (header.Find(MessageType.SharedMessageTable) is { } table)
        {
            throw context.Unsupported(table.Data.FileOffset, "the file uses a shared object header message table, which is not supported");
        }
    }
}
