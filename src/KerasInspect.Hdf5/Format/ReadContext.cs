using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// State shared by one read of one file: the bytes, the limits and the budgets spent so far, the superblock's base
/// address, the path of the object being read (for messages) and the caches that make each structure parsed once.
/// </summary>
internal sealed class ReadContext(H5Source source, string fileName, ReadLimits limits)
{
    /// <summary>The "undefined address" value: all bits set.</summary>
    public const ulong Undefined = ulong.MaxValue;

    private const long DefaultReadAllowance = 64L * 1024 * 1024;

    private readonly long _readBudget = limits.MaxReadBytes ?? (2 * source.Length) + DefaultReadAllowance;
    private long _bytesRead;
    private long _valueBytesDecoded;
    private long _nameBytesDecoded;
    private int _nodes;

    public H5Source Source { get; } = source;

    public string FileName { get; } = fileName;

    public ReadLimits Limits { get; } = limits;

    /// <summary>Absolute offset every stored address is relative to (non-zero when a user block precedes the superblock).</summary>
    public long BaseAddress { get; set; }

    /// <summary>Group B-tree rank from the superblock: a node holds at most 2K children.</summary>
    public int GroupInternalK { get; set; } = 16;

    /// <summary>Symbol-table node rank from the superblock: a node holds at most 2K entries.</summary>
    public int GroupLeafK { get; set; } = 4;

    /// <summary>HDF5 path of the object being read, quoted in every error.</summary>
    public string CurrentPath { get; set; } = "/";

    public GlobalHeapCache GlobalHeaps { get; } = new();

    /// <summary>Local heaps by address: groups may share one, and it is read once.</summary>
    public Dictionary<long, LocalHeap> LocalHeaps { get; } = [];

    /// <summary>Symbol-table link lists by (B-tree, heap) address: groups may share one, and it is walked once.</summary>
    public Dictionary<(long Tree, long Heap), List<LinkEntry>> SymbolTableLinks { get; } = [];

    public Hdf5FormatException Malformed(long offset, string message) =>
        new(message, FileName, CurrentPath, offset, isUnsupported: false);

    public Hdf5FormatException Unsupported(long offset, string message) =>
        new(message, FileName, CurrentPath, offset, isUnsupported: true);

    /// <summary>Turns a stored address into an absolute file offset, checking it lies inside the file.</summary>
    public long Resolve(ulong address, long referencedAt, string what)
    {
        if (address == Undefined)
        {
            throw Malformed(referencedAt, $"the address of the {what} is undefined");
        }

        if (address > (ulong)(Source.Length - BaseAddress))
        {
            throw Malformed(
                referencedAt,
                string.Create(CultureInfo.InvariantCulture, $"the {what} address {address} lies past the end of the file ({Source.Length} bytes)"));
        }

        return BaseAddress + (long)address;
    }

    /// <summary>Reads <paramref name="length"/> bytes at an absolute offset, checking the range first.</summary>
    public ByteCursor Read(long offset, long length, long referencedAt, string what) =>
        new(this, ReadBytes(offset, length, referencedAt, what), offset, what);

    /// <summary>Reads <paramref name="length"/> bytes at an absolute offset into a new array, checking the range and the read budget first.</summary>
    public byte[] ReadBytes(long offset, long length, long referencedAt, string what)
    {
        if (length < 0 || offset < 0 || offset > Source.Length || length > Source.Length - offset)
        {
            throw Malformed(
                referencedAt,
                string.Create(CultureInfo.InvariantCulture, $"the {what} at byte {offset} needs {length} bytes, past the end of the file ({Source.Length} bytes); the file may be truncated"));
        }

        if (length > int.MaxValue)
        {
            throw Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"the {what} claims {length} bytes"));
        }

        _bytesRead += length;
        if (_bytesRead > _readBudget)
        {
            throw Malformed(
                referencedAt,
                string.Create(CultureInfo.InvariantCulture, $"reading the metadata took more than {_readBudget} bytes, more than the file holds twice over: structures are shared or repeated beyond reason"));
        }

        var buffer = new byte[length];
        Source.Read(offset, buffer);
        return buffer;
    }

    /// <summary>Reads as many bytes as are there, up to <paramref name="length"/>: for structures whose size is found while parsing.</summary>
    public ByteCursor ReadUpTo(long offset, int length, long referencedAt, string what)
    {
        if (offset < 0 || offset >= Source.Length)
        {
            throw Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"the {what} at byte {offset} lies past the end of the file ({Source.Length} bytes)"));
        }

        return Read(offset, Math.Min(length, Source.Length - offset), referencedAt, what);
    }

    /// <summary>Counts one variable-length string against the per-string limit and the per-file value budget.</summary>
    public void ChargeStringBytes(long count, long offset)
    {
        if (count > Limits.MaxStringBytes)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"a variable-length string claims {count} bytes, over the limit of {Limits.MaxStringBytes}"));
        }

        ChargeValueBytes(count, offset);
    }

    /// <summary>Counts decoded attribute value bytes (strings and numbers) against the per-file budget.</summary>
    public void ChargeValueBytes(long count, long offset)
    {
        _valueBytesDecoded += count;
        if (_valueBytesDecoded > Limits.MaxTotalStringBytes)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"the file's attribute values exceed the limit of {Limits.MaxTotalStringBytes} bytes in all"));
        }
    }

    /// <summary>Counts decoded name and path bytes against the per-file budget.</summary>
    public void ChargeNameBytes(long count, long offset)
    {
        _nameBytesDecoded += count;
        if (_nameBytesDecoded > Limits.MaxTotalNameBytes)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"the file's link names and paths exceed the limit of {Limits.MaxTotalNameBytes} bytes in all"));
        }
    }

    /// <summary>Counts one snapshot node (a group, dataset or recorded link) against the per-file limit.</summary>
    public void ChargeNode(long offset)
    {
        if (++_nodes > Limits.MaxObjects)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"the file has more than {Limits.MaxObjects} objects and links"));
        }
    }
}
