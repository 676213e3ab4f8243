using System.Buffers.Binary;
using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Reads little-endian fields from one block of the file, checking every read against the block's end.
/// Knows the block's absolute file offset, so every error names the exact byte.
/// </summary>
internal sealed class ByteCursor
{
    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _end;
    private readonly ReadContext _context;
    private readonly string _what;

    public ByteCursor(ReadContext context, byte[] data, long fileOffset, string what)
        : this(context, data, 0, data.Length, fileOffset, what)
    {
    }

    private ByteCursor(ReadContext context, byte[] data, int start, int end, long fileOffset, string what)
    {
        _context = context;
        _data = data;
        _start = start;
        _end = end;
        Position = start;
        FileOffset = fileOffset;
        _what = what;
    }

    /// <summary>Absolute file offset of the block's first byte.</summary>
    public long FileOffset { get; }

    public int Position { get; private set; }

    /// <summary>Bytes consumed since the block's start.</summary>
    public int Consumed => Position - _start;

    public int Remaining => _end - Position;

    public int Length => _end - _start;

    /// <summary>Absolute file offset of the next byte to read.</summary>
    public long CurrentFileOffset => FileOffset + Consumed;

    public byte Byte() => Take(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>An unsigned little-endian integer of 1, 2, 4 or 8 bytes (variable-size fields of version 2 structures).</summary>
    public ulong UIntOfSize(int size) => size switch
    {
        1 => Byte(),
        2 => UInt16(),
        4 => UInt32(),
        8 => UInt64(),
        > 0 and <= 8 => ReadLittleEndian(Take(size)),
        _ => throw _context.Malformed(CurrentFileOffset, string.Create(CultureInfo.InvariantCulture, $"{_what} has a {size}-byte integer field; at most 8 bytes are supported")),
    };

    /// <summary>A file address (size of offsets = 8); <see cref="ReadContext.Undefined"/> when all bits are set.</summary>
    public ulong Address() => UInt64();

    /// <summary>A length field (size of lengths = 8).</summary>
    public ulong LengthField() => UInt64();

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public void Skip(int count) => Take(count);

    /// <summary>Skips to the next multiple of 8 bytes from the block's start (version 1 structures pad to 8).</summary>
    public void AlignTo8()
    {
        var pad = (8 - (Consumed % 8)) % 8;
        if (pad > Remaining)
        {
            pad = Remaining;
        }

        Position += pad;
    }

    /// <summary>A cursor over the next <paramref name="count"/> bytes, which this cursor then skips.</summary>
    public ByteCursor Slice(int count, string what)
    {
        var offset = CurrentFileOffset;
        var start = Position;
        Take(count);
        return new ByteCursor(_context, _data, start, start + count, offset, what);
    }

    /// <summary>Requires the next bytes to be <paramref name="signature"/>, e.g. "TREE".</summary>
    public void ExpectSignature(string signature)
    {
        var offset = CurrentFileOffset;
        var bytes = Take(signature.Length);
        for (var i = 0; i < signature.Length; i++)
        {
            if (bytes[i] != signature[i])
            {
                throw _context.Malformed(offset, $"expected the {_what} signature '{signature}', found '{Printable(bytes)}'");
            }
        }
    }

    /// <summary>Checks a lookup3 checksum stored right after the bytes it covers (from the block's start to here).</summary>
    public void VerifyChecksum()
    {
        var covered = _data.AsSpan(_start, Consumed);
        var offset = CurrentFileOffset;
        var stored = UInt32();
        var computed = Lookup3.HashLittle(covered, 0);
        if (stored != computed)
        {
            throw _context.Malformed(
                offset,
                string.Create(CultureInfo.InvariantCulture, $"{_what} checksum mismatch: stored 0x{stored:x8}, computed 0x{computed:x8}"));
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw _context.Malformed(
                CurrentFileOffset,
                string.Create(CultureInfo.InvariantCulture, $"{_what} ends early: needed {count} more bytes, {Remaining} left in its {Length}-byte block"));
        }

        var span = _data.AsSpan(Position, count);
        Position += count;
        return span;
    }

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7f ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
