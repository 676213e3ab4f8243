using System.Globalization;
using System.Numerics;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A fractal heap (File Format Specification III.G), the store behind dense link and attribute storage. Resolves heap
/// IDs to object bytes: managed objects through the doubling table of direct and indirect blocks, tiny objects from
/// the ID itself, huge objects through the heap's version 2 B-tree. Filtered heaps are refused.
/// </summary>
internal sealed class FractalHeap
{
    private readonly ReadContext _context;
    private readonly long _address;
    private readonly int _tableWidth;
    private readonly long _startBlockSize;
    private readonly int _maxDirectRows;
    private readonly int _offsetBytes;
    private readonly int _lengthBytes;
    private readonly long _rootAddress;
    private readonly int _rootRows;
    private readonly long _hugeTree;
    private readonly long _hugeTreeAt;
    private List<(long HeapOffset, long Size, long Address)>? _directBlocks;
    private Dictionary<ulong, (long Address, long Length)>? _hugeObjects;

    private FractalHeap(ReadContext context, long address, ByteCursor header)
    {
        _context = context;
        _address = address;
        header.ExpectSignature("FRHP");
        var version = header.Byte();
        if (version != 0)
        {
            throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"fractal heap version {version} is not supported (only 0)"));
        }

        IdLength = header.UInt16();
        var filterLength = header.UInt16();
        if (filterLength != 0)
        {
            throw context.Unsupported(address + 7, "a filtered fractal heap is not supported");
        }

        header.Skip(1); // flags
        var maxManagedSize = header.UInt32();
        header.Skip(8); // next huge object ID
        _hugeTreeAt = header.CurrentFileOffset;
        var hugeTree = header.Address();
        _hugeTree = hugeTree == ReadContext.Undefined ? -1 : context.Resolve(hugeTree, _hugeTreeAt, "fractal heap huge-object B-tree");
        header.Skip(8 * 2); // free space amount and free-space manager address
        header.Skip(8 * 8); // managed, allocated and iterator sizes; managed, huge and tiny object counts and sizes
        _tableWidth = header.UInt16();
        var startAt = header.CurrentFileOffset;
        var startBlockSize = header.LengthField();
        var maxDirectSize = header.LengthField();
        int maxHeapBits = header.UInt16();
        header.Skip(2); // starting rows in the root indirect block
        var rootAt = header.CurrentFileOffset;
        var root = header.Address();
        _rootRows = header.UInt16();
        header.VerifyChecksum();
        if (_tableWidth == 0 || !BitOperations.IsPow2(_tableWidth) || !BitOperations.IsPow2(startBlockSize) || !BitOperations.IsPow2(maxDirectSize)
            || maxDirectSize < startBlockSize || maxDirectSize > (ulong)context.Limits.MaxHeapBlockBytes || maxHeapBits is 0 or > 64 || _rootRows > 64)
        {
            throw context.Malformed(startAt, "fractal heap doubling table parameters are not valid");
        }

        _startBlockSize = (long)startBlockSize;
        _maxDirectRows = BitOperations.Log2(maxDirectSize) - BitOperations.Log2(startBlockSize) + 2;
        _offsetBytes = (maxHeapBits + 7) / 8;
        var maxDirectOffsetBytes = (BitOperations.Log2(maxDirectSize) + 7) / 8;
        _lengthBytes = Math.Min(maxDirectOffsetBytes, (BitOperations.Log2(Math.Max(1u, maxManagedSize)) / 8) + 1);
        _rootAddress = root == ReadContext.Undefined ? -1 : context.Resolve(root, rootAt, "fractal heap root block");
    }

    /// <summary>Bytes of a heap ID in this heap.</summary>
    public int IdLength { get; }

    public static FractalHeap Read(ReadContext context, long address, long referencedAt) =>
        new(context, address, context.Read(address, 146, referencedAt, "fractal heap header"));

    /// <summary>The object named by a heap ID, with its absolute file offset (the ID's own offset for tiny objects).</summary>
    public (byte[] Bytes, long FileOffset) ReadObject(ReadOnlySpan<byte> id, long referencedAt)
    {
        var cursor = new ByteCursor(_context, id.ToArray(), referencedAt, "fractal heap ID");
        var flags = cursor.Byte();
        if ((flags & 0xc0) != 0)
        {
            throw _context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"fractal heap ID version {flags >> 6} is not valid (only 0)"));
        }

        return ((flags >> 4) & 0x03) switch
        {
            0 => ReadManaged(cursor.UIntOfSize(_offsetBytes), cursor.UIntOfSize(_lengthBytes), referencedAt),
            1 => ReadHuge(cursor, referencedAt),
            2 => (cursor.Bytes((flags & 0x0f) + 1).ToArray(), referencedAt),
            _ => throw _context.Malformed(referencedAt, "fractal heap ID has reserved type 3"),
        };
    }

    private (byte[], long) ReadManaged(ulong offset, ulong length, long referencedAt)
    {
        _directBlocks ??= [.. ListDirectBlocks().OrderBy(b => b.Item1)];
        var (low, high) = (0, _directBlocks.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var block = _directBlocks[middle];
            if (offset < (ulong)block.HeapOffset)
            {
                high = middle - 1;
            }
            else if (offset >= (ulong)(block.HeapOffset + block.Size))
            {
                low = middle + 1;
            }
            else
            {
                var within = (long)offset - block.HeapOffset;
                if (length > (ulong)(block.Size - within))
                {
                    break;
                }

                var at = block.Address + within;
                return (_context.ReadBytes(at, (long)length, referencedAt, "fractal heap object"), at);
            }
        }

        throw _context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"fractal heap at byte {_address} has no direct block holding {length} bytes at heap offset {offset}"));
    }

    private (byte[], long) ReadHuge(ByteCursor id, long referencedAt)
    {
        if (IdLength >= 1 + 8 + 8)
        {
            var address = _context.Resolve(id.Address(), referencedAt, "huge fractal heap object");
            var length = id.LengthField();
            return (_context.ReadBytes(address, (long)Math.Min(length, long.MaxValue), referencedAt, "huge fractal heap object"), address);
        }

        if (_hugeTree < 0)
        {
            throw _context.Malformed(referencedAt, "a huge fractal heap object is referenced but the heap has no huge-object B-tree");
        }

        _hugeObjects ??= ListHugeObjects();
        var key = id.UIntOfSize(Math.Min(IdLength - 1, 8));
        if (!_hugeObjects.TryGetValue(key, out var found))
        {
            throw _context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"huge fractal heap object {key} is not in the heap's B-tree"));
        }

        return (_context.ReadBytes(found.Address, found.Length, referencedAt, "huge fractal heap object"), found.Address);
    }

    private Dictionary<ulong, (long, long)> ListHugeObjects()
    {
        var objects = new Dictionary<ulong, (long, long)>();
        foreach (var record in BTreeV2.ReadRecords(_context, _hugeTree, _hugeTreeAt, expectedType: 1, _context.Limits.MaxAttributesPerObject))
        {
            var at = record.CurrentFileOffset;
            var address = _context.Resolve(record.Address(), at, "huge fractal heap object");
            var length = record.LengthField();
            var key = record.LengthField();
            if (length > long.MaxValue || !objects.TryAdd(key, (address, (long)length)))
            {
                throw _context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"huge fractal heap object {key} is listed twice or has an impossible length"));
            }
        }

        return objects;
    }

    private List<(long, long, long)> ListDirectBlocks()
    {
        var blocks = new List<(long, long, long)>();
        if (_rootAddress < 0)
        {
            return blocks;
        }

        if (_rootRows == 0)
        {
            blocks.Add((0, _startBlockSize, _rootAddress));
        }
        else
        {
            IndirectBlock(_rootAddress, _rootRows, 0, 0, blocks, []);
        }

        return blocks;
    }

    private void IndirectBlock(long address, int rows, long heapOffset, int depth, List<(long, long, long)> blocks, HashSet<long> visited)
    {
        if (depth > _context.Limits.MaxBTreeDepth || !visited.Add(address))
        {
            throw _context.Malformed(address, "fractal heap indirect blocks loop or nest too deeply");
        }

        if (rows <= 0 || rows - 1 + BitOperations.Log2((ulong)_startBlockSize) + BitOperations.Log2((uint)_tableWidth) >= 62)
        {
            throw _context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"fractal heap indirect block has {rows} rows, which its doubling table cannot address"));
        }

        var entries = (long)rows * _tableWidth;
        if (entries > 1_000_000)
        {
            throw _context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"fractal heap indirect block claims {entries} entries"));
        }

        var block = _context.Read(address, 5 + 8 + _offsetBytes + (entries * 8) + 4, address, "fractal heap indirect block");
        block.ExpectSignature("FHIB");
        block.Skip(1 + 8); // version and heap header address
        var storedOffset = block.UIntOfSize(_offsetBytes);
        if (storedOffset != (ulong)heapOffset)
        {
            throw _context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"fractal heap indirect block says heap offset {storedOffset}, its parent places it at {heapOffset}"));
        }

        var children = new List<(long Address, int Row, long Offset, long At)>();
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < _tableWidth; column++)
            {
                var at = block.CurrentFileOffset;
                var child = block.Address();
                if (child != ReadContext.Undefined)
                {
                    children.Add((_context.Resolve(child, at, "fractal heap block"), row, heapOffset + RowStart(row) + (column * RowBlockSize(row)), at));
                }
            }
        }

        block.VerifyChecksum();
        foreach (var (child, row, offset, _) in children)
        {
            if (row < _maxDirectRows)
            {
                blocks.Add((offset, RowBlockSize(row), child));
            }
            else
            {
                var childRows = BitOperations.Log2((ulong)RowBlockSize(row)) - BitOperations.Log2((ulong)(_startBlockSize * _tableWidth)) + 1;
                IndirectBlock(child, childRows, offset, depth + 1, blocks, visited);
            }
        }
    }

    private long RowBlockSize(int row) => row == 0 ? _startBlockSize : _startBlockSize << (row - 1);

    private long RowStart(int row) => row == 0 ? 0 : _tableWidth * (_startBlockSize << (row - 1));
}
