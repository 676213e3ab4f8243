using System.Globalization;
using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A local heap (File Format Specification III.D): the NUL-terminated link names of one symbol-table group. It is read
/// when the first name is asked for, so a group without links never touches its heap (libhdf5 does not either).
/// </summary>
internal sealed class LocalHeap
{
    private readonly ReadContext _context;
    private readonly long _address;
    private readonly long _referencedAt;
    private byte[]? _data;
    private long _dataOffset;

    private LocalHeap(ReadContext context, long address, long referencedAt)
    {
        _context = context;
        _address = address;
        _referencedAt = referencedAt;
    }

    /// <summary>The heap at <paramref name="address"/>, read once per file however many groups share it.</summary>
    public static LocalHeap At(ReadContext context, long address, long referencedAt)
    {
        if (!context.LocalHeaps.TryGetValue(address, out var heap))
        {
            heap = new LocalHeap(context, address, referencedAt);
            context.LocalHeaps.Add(address, heap);
        }

        return heap;
    }

    private static (byte[] Data, long Offset) ReadData(ReadContext context, long address, long referencedAt)
    {
        var header = context.Read(address, 32, referencedAt, "local heap");
        header.ExpectSignature("HEAP");
        var version = header.Byte();
        if (version != 0)
        {
            throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"local heap version {version} is not supported (only 0)"));
        }

        header.Skip(3);
        var sizeAt = header.CurrentFileOffset;
        var size = header.LengthField();
        header.Skip(8); // free list head
        var dataAt = header.CurrentFileOffset;
        var dataAddress = context.Resolve(header.Address(), dataAt, "local heap data segment");
        if (size > (ulong)context.Limits.MaxLocalHeapBytes)
        {
            throw context.Malformed(sizeAt, string.Create(CultureInfo.InvariantCulture, $"local heap claims {size} bytes of data, over the limit of {context.Limits.MaxLocalHeapBytes}"));
        }

        return (context.ReadBytes(dataAddress, (long)size, dataAt, "local heap data segment"), dataAddress);
    }

    /// <summary>The NUL-terminated string at <paramref name="offset"/> in the heap's data, decoded as UTF-8.</summary>
    public string StringAt(ulong offset, long referencedAt) => Encoding.UTF8.GetString(BytesAt(offset, referencedAt));

    /// <summary>The bytes of the NUL-terminated name at <paramref name="offset"/>, counted against the file's name budget.</summary>
    public byte[] BytesAt(ulong offset, long referencedAt)
    {
        if (_data is null)
        {
            (_data, _dataOffset) = ReadData(_context, _address, _referencedAt);
        }

        if (offset >= (ulong)_data.Length)
        {
            throw _context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"name offset {offset} lies outside the {_data.Length}-byte local heap data at byte {_dataOffset}"));
        }

        var rest = _data.AsSpan((int)offset);
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw _context.Malformed(_dataOffset + (long)offset, "a name in the local heap has no terminating NUL before the heap's end");
        }

        if (end > _context.Limits.MaxNameBytes)
        {
            throw _context.Malformed(_dataOffset + (long)offset, string.Create(CultureInfo.InvariantCulture, $"a link name of {end} bytes is over the limit of {_context.Limits.MaxNameBytes}"));
        }

        _context.ChargeNameBytes(end, referencedAt);
        return rest[..end].ToArray();
    }
}
