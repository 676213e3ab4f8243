using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using KerasInspect.Core;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// Reads a zip archive's central directory (PKWARE APPNOTE 4.3.12–4.3.16, with ZIP64) and its members, checking every
/// offset against the file and capping entry counts and sizes. Members stored uncompressed, as Keras writes them,
/// can be read in place: <see cref="DataOffset"/> gives where their bytes start.
/// </summary>
public sealed class ZipDirectory
{
    private const uint EndOfDirectory = 0x06054b50;
    private const uint Zip64EndOfDirectory = 0x06064b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint CentralHeader = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;

    /// <summary>Most entries a model archive may have; real ones have three or four.</summary>
    public const int MaxEntries = 100_000;

    private readonly string _path;
    private readonly long _length;

    private ZipDirectory(string path, long length, IReadOnlyList<ZipEntry> entries)
    {
        _path = path;
        _length = length;
        Entries = entries;
    }

    public IReadOnlyList<ZipEntry> Entries { get; }

    /// <exception cref="ModelFormatException">The archive is malformed.</exception>
    public static ZipDirectory Read(string path)
    {
        using var file = File.OpenRead(path);
        var length = file.Length;
        var tailLength = (int)Math.Min(length, 65_535 + 22);
        var tail = ReadAt(file, length - tailLength, tailLength, path);
        var end = -1;
        for (var i = tail.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectory)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw Error(path, length, "the zip archive has no end-of-central-directory record; it may be truncated");
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        long size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if ((count == 0xFFFF || offset == 0xFFFFFFFF || size == 0xFFFFFFFF) && end >= 20
            && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end - 20)) == Zip64Locator)
        {
            var recordAt = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(end - 12));
            var record = ReadAt(file, recordAt, 56, path);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndOfDirectory)
            {
                throw Error(path, recordAt, "the ZIP64 end-of-central-directory record is missing");
            }

            count = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
            size = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(40));
            offset = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48));
        }

        if (count > MaxEntries || size > 64L * 1024 * 1024 || size < 0 || offset < 0 || offset > length - size)
        {
            throw Error(path, offset, string.Create(CultureInfo.InvariantCulture, $"the central directory claims {count} entries in {size} bytes at byte {offset}, which this {length}-byte file cannot hold (limit {MaxEntries} entries)"));
        }

        var directory = ReadAt(file, offset, (int)size, path);
        return new ZipDirectory(path, length, ParseEntries(directory, count, offset, length, path));
    }

    /// <summary>Where the entry's (compressed) bytes start: after its local header.</summary>
    public long DataOffset(ZipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var file = File.OpenRead(_path);
        return DataOffsetIn(file, entry);
    }

    private long DataOffsetIn(FileStream file, ZipEntry entry)
    {
        var header = ReadAt(file, entry.LocalHeaderOffset, 30, _path);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeader)
        {
            throw Error(_path, entry.LocalHeaderOffset, $"the local header of '{entry.Name}' is missing");
        }

        var start = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        if (start > _length - entry.CompressedSize)
        {
            throw Error(_path, entry.LocalHeaderOffset, string.Create(CultureInfo.InvariantCulture, $"'{entry.Name}' claims {entry.CompressedSize} bytes past the end of the archive"));
        }

        return start;
    }

    /// <summary>The whole (decompressed) content of a small entry, refused above <paramref name="maxBytes"/>.</summary>
    public byte[] ReadAll(ZipEntry entry, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Size > maxBytes)
        {
            throw Error(_path, entry.LocalHeaderOffset, string.Create(CultureInfo.InvariantCulture, $"'{entry.Name}' is {entry.Size} bytes uncompressed, over the limit of {maxBytes}"));
        }

        using var file = File.OpenRead(_path);
        var start = DataOffsetIn(file, entry);
        if (entry.Method == ZipEntry.Stored)
        {
            return ReadAt(file, start, (int)entry.Size, _path);
        }

        if (entry.Method != ZipEntry.Deflated)
        {
            throw Error(_path, entry.LocalHeaderOffset, string.Create(CultureInfo.InvariantCulture, $"'{entry.Name}' uses compression method {entry.Method}; only stored and deflated are supported"));
        }

        file.Position = start;
        using var deflate = new DeflateStream(new BoundedStream(file, entry.CompressedSize), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = deflate.Read(chunk)) > 0)
        {
            if (buffer.Length + read > entry.Size || buffer.Length + read > maxBytes)
            {
                throw Error(_path, entry.LocalHeaderOffset, $"'{entry.Name}' inflates past the size its directory entry declares");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<ZipEntry> ParseEntries(byte[] directory, long count, long baseOffset, long fileLength, string path)
    {
        var entries = new List<ZipEntry>();
        var at = 0;
        for (long i = 0; i < count; i++)
        {
            if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != CentralHeader)
            {
                throw Error(path, baseOffset + at, string.Create(CultureInfo.InvariantCulture, $"central directory entry {i} is missing or cut short"));
            }

            var span = directory.AsSpan(at);
            int method = BinaryPrimitives.ReadUInt16LittleEndian(span[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(span[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(span[42..]);
            var next = at + 46 + nameLength + extraLength + commentLength;
            if (next > directory.Length)
            {
                throw Error(path, baseOffset + at, string.Create(CultureInfo.InvariantCulture, $"central directory entry {i} runs past the directory"));
            }

            var name = Encoding.UTF8.GetString(span.Slice(46, nameLength));
            ApplyZip64(span.Slice(46 + nameLength, extraLength), ref size, ref compressed, ref local);
            if (local < 0 || local >= fileLength || size < 0 || compressed < 0)
            {
                throw Error(path, baseOffset + at, $"entry '{name}' has offsets or sizes outside the archive");
            }

            entries.Add(new ZipEntry(name, method, compressed, size, local));
            at = next;
        }

        return entries;
    }

    /// <summary>The ZIP64 extra field (id 1) holds the 64-bit values of the fields set to 0xFFFFFFFF, in this order.</summary>
    private static void ApplyZip64(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long local)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (length > extra.Length - 4)
            {
                return;
            }

            var data = extra.Slice(4, length);
            if (id == 1)
            {
                var at = 0;
                if (size == 0xFFFFFFFF && at + 8 <= data.Length) { size = BinaryPrimitives.ReadInt64LittleEndian(data[at..]); at += 8; }
                if (compressed == 0xFFFFFFFF && at + 8 <= data.Length) { compressed = BinaryPrimitives.ReadInt64LittleEndian(data[at..]); at += 8; }
                if (local == 0xFFFFFFFF && at + 8 <= data.Length) { local = BinaryPrimitives.ReadInt64LittleEndian(data[at..]); }
            }

            extra = extra[(4 + length)..];
        }
    }

    private static byte[] ReadAt(FileStream file, long offset, int length, string path)
    {
        if (offset < 0 || length < 0 || offset > file.Length - length)
        {
            throw Error(path, offset, string.Create(CultureInfo.InvariantCulture, $"the archive needs {length} bytes at byte {offset}, past its end ({file.Length} bytes)"));
        }

        var buffer = new byte[length];
        RandomAccess.Read(file.SafeFileHandle, buffer, offset);
        return buffer;
    }

    private static ModelFormatException Error(string path, long offset, string message) =>
        new(message, new SourceLocation(path, Offset: offset));
}
