using System.Buffers.Binary;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A symbol table entry (File Format Specification III.C): a link name's offset in the group's local heap and
/// the object it points to. Cache type 2 marks a soft link whose target path is in the local heap too.
/// </summary>
internal sealed record SymbolTableEntry(ulong NameOffset, ulong ObjectHeaderAddress, uint CacheType, uint SoftLinkValueOffset, long FileOffset)
{
    public const int Size = 40;

    public bool IsSoftLink => CacheType == 2;

    public static SymbolTableEntry Read(ByteCursor cursor)
    {
        var at = cursor.CurrentFileOffset;
        var nameOffset = cursor.LengthField();
        var header = cursor.Address();
        var cacheType = cursor.UInt32();
        cursor.Skip(4);
        var scratch = cursor.Bytes(16);
        return new SymbolTableEntry(nameOffset, header, cacheType, BinaryPrimitives.ReadUInt32LittleEndian(scratch), at);
    }
}
