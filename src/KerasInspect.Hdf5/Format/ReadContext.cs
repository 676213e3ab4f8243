using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// State shared by one read of one file: the bytes, the limits, the superblock's base address, the path of the
/// object being read (for messages) and the caches that make each structure parsed once.
/// </summary>
internal sealed class ReadContext(H5Source source, string fileName, ReadLimits limits)
{
    /// <summary>The "undefined address" value: all bits set.</summary>
    public const ulong Undefined = ulong.MaxValue;

    private long _stringBytesDecoded;

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

    /// <summary>Reads <paramref name="length"/> bytes at an absolute offset into a new array, checking the range first.</summary>
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

    /// <summary>Counts decoded string bytes against the per-file budget.</summary>
    public void ChargeStringBytes(long count, long offset)
    {
        if (count > Limits.MaxStringBytes)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"a variable-length string claims {count} bytes, over the limit of {Limits.MaxStringBytes}"));
        }

        _stringBytesDecoded += count;
        if (_stringBytesDecoded > Limits.MaxTotalStringBytes)
        {
            throw Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"the file's variable-length strings exceed the limit of {Limits.MaxTotalStringBytes} bytes in all"));
        }
    }
}
