using System.Globalization;
using System.Numerics;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A version 2 B-tree (File Format Specification III.A.2): header <c>BTHD</c>, internal nodes <c>BTIN</c>, leaves
/// <c>BTLF</c>, all checksummed. Yields every record; callers decode the records of the type they asked for.
/// </summary>
internal static class BTreeV2
{
    private const int NodePrefixBytes = 10; // signature, version, type and checksum

    /// <summary>Every record of the tree, in key order; more than <paramref name="maxRecords"/> is an error.</summary>
    public static List<ByteCursor> ReadRecords(ReadContext context, long address, long referencedAt, int expectedType, int maxRecords)
    {
        var header = context.Read(address, 38, referencedAt, "version 2 B-tree header");
        header.ExpectSignature("BTHD");
        var version = header.Byte();
        if (version != 0)
        {
            throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree header version {version} is not supported (only 0)"));
        }

        var type = header.Byte();
        if (type != expectedType)
        {
            throw context.Malformed(address + 5, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree has record type {type}, expected {expectedType}"));
        }

        var nodeSize = header.UInt32();
        int recordSize = header.UInt16();
        int depth = header.UInt16();
        header.Skip(2); // split and merge percentages
        var rootAt = header.CurrentFileOffset;
        var root = header.Address();
        int rootRecords = header.UInt16();
        header.Skip(8); // total records
        header.VerifyChecksum();
        if (nodeSize < NodePrefixBytes + 1 || nodeSize > (uint)context.Limits.MaxHeapBlockBytes || recordSize == 0 || depth > context.Limits.MaxBTreeDepth)
        {
            throw context.Malformed(address + 6, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree has node size {nodeSize}, record size {recordSize} and depth {depth}, which are not valid"));
        }

        var records = new List<ByteCursor>();
        if (root == ReadContext.Undefined || rootRecords == 0)
        {
            return records;
        }

        var layout = new NodeLayout((int)nodeSize, recordSize, depth);
        var walk = new Walk(context, layout, type, records, maxRecords);
        walk.Node(context.Resolve(root, rootAt, "version 2 B-tree root"), rootAt, depth, rootRecords);
        return records;
    }

    /// <summary>Per-depth sizes of the variable-width child-pointer fields, computed as libhdf5 does from the node size.</summary>
    private sealed class NodeLayout
    {
        private readonly long[] _cumulativeMaxRecords;
        private readonly int[] _cumulativeSizeBytes;

        public NodeLayout(int nodeSize, int recordSize, int depth)
        {
            NodeSize = nodeSize;
            RecordSize = recordSize;
            _cumulativeMaxRecords = new long[depth + 1];
            _cumulativeSizeBytes = new int[depth + 1];
            var leafMax = (nodeSize - NodePrefixBytes) / recordSize;
            MaxRecordsBytes = EncodedSize(leafMax);
            _cumulativeMaxRecords[0] = leafMax;
            MaxRecords = [.. Enumerable.Repeat(leafMax, depth + 1)];
            for (var d = 1; d <= depth; d++)
            {
                var pointer = PointerSize(d);
                var max = Math.Max(0, (nodeSize - NodePrefixBytes - pointer) / (recordSize + pointer));
                MaxRecords[d] = max;
                var below = _cumulativeMaxRecords[d - 1];
                _cumulativeMaxRecords[d] = below > (long.MaxValue / 4) / (max + 1) ? long.MaxValue / 4 : ((max + 1) * below) + max;
                _cumulativeSizeBytes[d] = EncodedSize(_cumulativeMaxRecords[d]);
            }
        }

        public int NodeSize { get; }

        public int RecordSize { get; }

        public int MaxRecordsBytes { get; }

        public int[] MaxRecords { get; }

        /// <summary>Bytes of the "total records in child" field of a child pointer in a node at this depth (0 below depth 2).</summary>
        public int TotalRecordsBytes(int depth) => depth > 1 ? _cumulativeSizeBytes[depth - 1] : 0;

        public int PointerSize(int depth) => 8 + MaxRecordsBytes + TotalRecordsBytes(depth);

        private static int EncodedSize(long value) => (BitOperations.Log2((ulong)Math.Max(1, value)) / 8) + 1;
    }

    private sealed class Walk(ReadContext context, NodeLayout layout, int type, List<ByteCursor> records, int maxRecords)
    {
        private readonly HashSet<long> _visited = [];

        public void Node(long address, long referencedAt, int depth, int count)
        {
            if (!_visited.Add(address))
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree node at byte {address} is reached twice"));
            }

            var limit = Math.Min(layout.MaxRecords[depth], maxRecords);
            if (count > limit)
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree node claims {count} records, at most {limit} are allowed"));
            }

            if (records.Count + count > maxRecords)
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree holds more than {maxRecords} records"));
            }

            // Read only the bytes this node uses: its records, child pointers and checksum, never the whole node size.
            var used = NodePrefixBytes + ((long)count * layout.RecordSize) + (depth == 0 ? 0 : (count + 1L) * layout.PointerSize(depth));
            var node = context.Read(address, used, referencedAt, "version 2 B-tree node");
            node.ExpectSignature(depth == 0 ? "BTLF" : "BTIN");
            node.Skip(1); // version
            var nodeType = node.Byte();
            if (nodeType != type)
            {
                throw context.Malformed(address + 5, string.Create(CultureInfo.InvariantCulture, $"version 2 B-tree node has record type {nodeType}, expected {type}"));
            }

            var own = new List<ByteCursor>();
            for (var i = 0; i < count; i++)
            {
                own.Add(node.Slice(layout.RecordSize, "version 2 B-tree record"));
            }

            if (depth == 0)
            {
                node.VerifyChecksum();
                records.AddRange(own);
                return;
            }

            var children = new List<(long Address, long At, int Count)>();
            for (var i = 0; i <= count; i++)
            {
                var at = node.CurrentFileOffset;
                var child = context.Resolve(node.Address(), at, "version 2 B-tree child");
                var childCount = node.UIntOfSize(layout.MaxRecordsBytes);
                if (layout.TotalRecordsBytes(depth) > 0)
                {
                    node.Skip(layout.TotalRecordsBytes(depth));
                }

                children.Add((child, at, (int)Math.Min(childCount, int.MaxValue)));
            }

            node.VerifyChecksum();
            for (var i = 0; i <= count; i++)
            {
                Node(children[i].Address, children[i].At, depth - 1, children[i].Count);
                if (i < count)
                {
                    records.Add(own[i]);
                }
            }
        }
    }
}
