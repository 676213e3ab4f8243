using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// The superblock (File Format Specification II.A): where the file starts, its address sizes, and the root
/// group's object header. Versions 0 and 1 (h5py's default) and 2 and 3 (<c>libver="latest"</c>).
/// </summary>
internal sealed record Superblock(int Version, long BaseAddress, ulong RootObjectHeader)
{
    private static ReadOnlySpan<byte> Signature => H5File.Signature;

    public static Superblock Read(ReadContext context)
    {
        var start = FindSignature(context);
        context.BaseAddress = start;
        var header = context.ReadUpTo(start, 256, start, "superblock");
        header.Skip(Signature.Length);
        var version = header.Byte();
        return version switch
        {
            0 or 1 => ReadVersion0Or1(context, header, version),
            2 or 3 => ReadVersion2Or3(context, header, version),
            _ => throw context.Unsupported(start + 8, string.Create(CultureInfo.InvariantCulture, $"superblock version {version} is not supported (0 to 3 are)")),
        };
    }

    /// <summary>The signature is at 0, or after a user block at 512, 1024, 2048, … (II.A).</summary>
    private static long FindSignature(ReadContext context)
    {
        var length = context.Source.Length;
        Span<byte> candidate = stackalloc byte[8];
        for (long offset = 0; offset + 8 <= length; offset = offset == 0 ? 512 : offset * 2)
        {
            context.Source.Read(offset, candidate);
            if (candidate.SequenceEqual(Signature))
            {
                return offset;
            }
        }

        throw context.Malformed(0, length < 8
            ? string.Create(CultureInfo.InvariantCulture, $"not an HDF5 file: only {length} bytes")
            : "not an HDF5 file: no HDF5 signature at byte 0, 512, 1024 or any later power of two");
    }

    private static Superblock ReadVersion0Or1(ReadContext context, ByteCursor cursor, int version)
    {
        cursor.Skip(4); // free-space, root symbol table, reserved and shared header version bytes
        var offsetSize = cursor.Byte();
        var lengthSize = cursor.Byte();
        RequireEightByteSizes(context, cursor, offsetSize, lengthSize);
        cursor.Skip(1);
        context.GroupLeafK = RequireK(context, cursor, "group leaf node K");
        context.GroupInternalK = RequireK(context, cursor, "group internal node K");
        cursor.Skip(4); // file consistency flags
        if (version == 1)
        {
            cursor.Skip(4); // indexed storage internal node K and reserved
        }

        cursor.Skip(8); // base address: libhdf5 uses the signature's position when it differs, and so do we
        cursor.Skip(8); // free-space info address
        CheckNotTruncated(context, cursor);
        cursor.Skip(8); // driver information block address
        var rootEntry = SymbolTableEntry.Read(cursor);
        return new Superblock(version, context.BaseAddress, rootEntry.ObjectHeaderAddress);
    }

    private static Superblock ReadVersion2Or3(ReadContext context, ByteCursor cursor, int version)
    {
        var offsetSize = cursor.Byte();
        var lengthSize = cursor.Byte();
        RequireEightByteSizes(context, cursor, offsetSize, lengthSize);
        cursor.Skip(1); // file consistency flags
        cursor.Skip(8); // base address
        var extensionAt = cursor.CurrentFileOffset;
        var extension = cursor.Address();
        CheckNotTruncated(context, cursor);
        var root = cursor.Address();
        cursor.VerifyChecksum();
        if (extension != ReadContext.Undefined)
        {
            SuperblockExtension.Check(context, context.Resolve(extension, extensionAt, "superblock extension"));
        }

        return new Superblock(version, context.BaseAddress, root);
    }

    /// <summary>
    /// libhdf5 records the file's length when it closes it and refuses a file shorter than that ("truncated file");
    /// so do we, since a short file is missing data even where its metadata still parses. Every read is also bounded
    /// by the real length, so a lying value can never cause a read past the end.
    /// </summary>
    private static void CheckNotTruncated(ReadContext context, ByteCursor cursor)
    {
        var at = cursor.CurrentFileOffset;
        var stored = cursor.Address();
        if (stored != ReadContext.Undefined && stored > (ulong)context.Source.Length)
        {
            throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"the file is truncated: its superblock records {stored} bytes, the file has {context.Source.Length}"));
        }
    }

    private static void RequireEightByteSizes(ReadContext context, ByteCursor cursor, int offsetSize, int lengthSize)
    {
        if (offsetSize != 8 || lengthSize != 8)
        {
            throw context.Unsupported(
                cursor.CurrentFileOffset - 2,
                string.Create(CultureInfo.InvariantCulture, $"size of offsets {offsetSize} and size of lengths {lengthSize} are not supported (only 8 and 8, as every Keras file uses)"));
        }
    }

    private static int RequireK(ReadContext context, ByteCursor cursor, string what)
    {
        var at = cursor.CurrentFileOffset;
        var k = cursor.UInt16();
        if (k == 0)
        {
            throw context.Malformed(at, $"the superblock's {what} is 0");
        }

        return k;
    }
}
