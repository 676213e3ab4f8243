using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// The links of an old-style group: a version 1 B-tree of group nodes (III.A.1) whose leaves are symbol table
/// nodes (III.B) of entries naming objects through the group's local heap (III.D).
/// </summary>
internal static class SymbolTableGroup
{
    private const int NodeHeaderBytes = 24;

    public static List<LinkEntry> ReadLinks(ReadContext context, HeaderMessage symbolTable)
    {
        var data = symbolTable.Data;
        var treeAt = data.CurrentFileOffset;
        var tree = context.Resolve(data.Address(), treeAt, "group B-tree");
        var heapAt = data.CurrentFileOffset;
        var heapAddress = context.Resolve(data.Address(), heapAt, "group local heap");
        if (context.SymbolTableLinks.TryGetValue((tree, heapAddress), out var known))
        {
            return known;
        }

        var walk = new Walk(context, LocalHeap.At(context, heapAddress, heapAt));
        walk.Node(tree, treeAt, expectedLevel: null, depth: 0);
        context.SymbolTableLinks.Add((tree, heapAddress), walk.Links);
        return walk.Links;
    }

    private sealed class Walk(ReadContext context, LocalHeap heap)
    {
        private readonly HashSet<long> _visited = [];

        public List<LinkEntry> Links { get; } = [];

        public void Node(long address, long referencedAt, int? expectedLevel, int depth)
        {
            if (!_visited.Add(address))
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"group B-tree node at byte {address} is reached twice"));
            }

            if (depth > context.Limits.MaxBTreeDepth)
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"group B-tree is deeper than {context.Limits.MaxBTreeDepth} levels"));
            }

            var header = context.Read(address, NodeHeaderBytes, referencedAt, "group B-tree node");
            header.ExpectSignature("TREE");
            var nodeType = header.Byte();
            if (nodeType != 0)
            {
                throw context.Malformed(address + 4, string.Create(CultureInfo.InvariantCulture, $"B-tree node type {nodeType} inside a group (expected 0, group nodes)"));
            }

            var level = header.Byte();
            if (expectedLevel is { } expected && level != expected)
            {
                throw context.Malformed(address + 5, string.Create(CultureInfo.InvariantCulture, $"group B-tree node has level {level}, its parent expects {expected}"));
            }

            var entries = header.UInt16();
            if (entries > 2 * context.GroupInternalK)
            {
                throw context.Malformed(address + 6, string.Create(CultureInfo.InvariantCulture, $"group B-tree node claims {entries} entries, more than 2K = {2 * context.GroupInternalK}"));
            }

            var body = context.Read(address + NodeHeaderBytes, (entries * 16L) + 8, address, "group B-tree node");
            for (var i = 0; i < entries; i++)
            {
                body.Skip(8); // key: heap offset of the greatest name in the child
                var childAt = body.CurrentFileOffset;
                var child = context.Resolve(body.Address(), childAt, "group B-tree child");
                if (level == 0)
                {
                    SymbolNode(child, childAt);
                }
                else
                {
                    Node(child, childAt, level - 1, depth + 1);
                }
            }
        }

        private void SymbolNode(long address, long referencedAt)
        {
            if (!_visited.Add(address))
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"symbol table node at byte {address} is reached twice"));
            }

            var header = context.Read(address, 8, referencedAt, "symbol table node");
            header.ExpectSignature("SNOD");
            var version = header.Byte();
            if (version != 1)
            {
                throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"symbol table node version {version} is not supported (only 1)"));
            }

            header.Skip(1);
            var count = header.UInt16();
            if (count > 2 * context.GroupLeafK)
            {
                throw context.Malformed(address + 6, string.Create(CultureInfo.InvariantCulture, $"symbol table node claims {count} entries, more than 2K = {2 * context.GroupLeafK}"));
            }

            var entries = context.Read(address + 8, (long)count * SymbolTableEntry.Size, address, "symbol table node");
            for (var i = 0; i < count; i++)
            {
                var entry = SymbolTableEntry.Read(entries);
                if (Links.Count >= context.Limits.MaxLinksPerGroup)
                {
                    throw context.Malformed(entry.FileOffset, string.Create(CultureInfo.InvariantCulture, $"group has more than {context.Limits.MaxLinksPerGroup} links"));
                }

                var name = heap.BytesAt(entry.NameOffset, entry.FileOffset);
                Links.Add(entry.IsSoftLink
                    ? LinkEntry.Soft(name, heap.StringAt(entry.SoftLinkValueOffset, entry.FileOffset), entry.FileOffset)
                    : LinkEntry.Hard(name, context.Resolve(entry.ObjectHeaderAddress, entry.FileOffset + 8, "object header"), entry.FileOffset));
            }
        }
    }
}
