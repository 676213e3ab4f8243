using System.Globalization;
using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Walks the group tree depth-first from the root, building the snapshot. Each object header is read once: a second
/// hard link to an object (or a link back to an ancestor) becomes an <see cref="H5RepeatedLink"/>. Soft and external
/// links are recorded and never followed.
/// </summary>
internal sealed class TreeWalker(ReadContext context)
{
    private readonly Dictionary<long, string> _firstPathByAddress = [];

    public H5Group ReadRoot(long address)
    {
        _firstPathByAddress.Add(address, "/");
        context.ChargeNode(address);
        var node = ReadObject("", "/", address, depth: 0);
        return node as H5Group ?? throw context.Malformed(address, "the root object is not a group");
    }

    private H5Node ReadObject(string name, string path, long address, int depth)
    {
        context.CurrentPath = path;
        var header = ObjectHeader.Read(context, address);
        var attributes = ReadAttributes(header, address);
        if (header.Find(MessageType.DataLayout) is { } layout)
        {
            return ReadDataset(name, path, header, layout, attributes, address);
        }

        if (!IsGroup(header))
        {
            return header.Find(MessageType.Datatype) is not null
                ? new H5CommittedDatatype(name, path, attributes)
                : throw context.Unsupported(address, "the object is neither a group, a dataset nor a committed datatype");
        }

        if (depth >= context.Limits.MaxDepth)
        {
            throw context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"groups are nested deeper than {context.Limits.MaxDepth} levels"));
        }

        var links = ReadLinks(header, address);
        var children = new List<H5Node>(links.Count);
        foreach (var link in links)
        {
            children.Add(ReadLink(link, path, depth));
        }

        context.CurrentPath = path;
        return new H5Group(name, path, attributes, children);
    }

    private H5Node ReadLink(LinkEntry link, string parentPath, int depth)
    {
        context.ChargeNode(link.FileOffset);
        var path = parentPath == "/" ? "/" + link.Name : parentPath + "/" + link.Name;
        context.ChargeNameBytes(path.Length, link.FileOffset);
        switch (link.Kind)
        {
            case LinkKind.Soft:
                return new H5SoftLink(link.Name, path, link.Target);
            case LinkKind.External:
                return new H5ExternalLink(link.Name, path, link.ExternalFile, link.Target);
        }

        if (_firstPathByAddress.TryGetValue(link.Address, out var first))
        {
            return new H5RepeatedLink(link.Name, path, first);
        }

        _firstPathByAddress.Add(link.Address, path);
        return ReadObject(link.Name, path, link.Address, depth + 1);
    }

    private static bool IsGroup(ObjectHeader header) =>
        header.Messages.Any(m => m.Type is MessageType.SymbolTable or MessageType.LinkInfo or MessageType.Link or MessageType.GroupInfo);

    private H5Dataset ReadDataset(string name, string path, ObjectHeader header, HeaderMessage layout, IReadOnlyList<H5Attribute> attributes, long address)
    {
        var type = Decode(header, MessageType.Datatype, "datatype", address, m => DatatypeMessage.Read(context, m.Data));
        var space = Decode(header, MessageType.Dataspace, "dataspace", address, m => DataspaceMessage.Read(context, m.Data));
        var storage = DataLayoutMessage.Read(context, layout.Data);
        return new H5Dataset(name, path, attributes, space.Dimensions, type, storage);
    }

    private T Decode<T>(ObjectHeader header, int type, string what, long address, Func<HeaderMessage, T> read)
    {
        var message = header.Find(type) ?? throw context.Malformed(address, $"the dataset has no {what} message");
        if (message.IsShared)
        {
            throw context.Unsupported(message.Data.FileOffset, $"a shared (committed) {what} is not supported");
        }

        return read(message);
    }

    private List<LinkEntry> ReadLinks(ObjectHeader header, long address)
    {
        List<LinkEntry> links;
        if (header.Find(MessageType.SymbolTable) is { } symbolTable)
        {
            links = SymbolTableGroup.ReadLinks(context, symbolTable);
        }
        else if (header.Find(MessageType.LinkInfo) is { } info
            && LinkInfoMessage.Read(context, info.Data, 8, "link info") is { FractalHeap: { } heap } dense)
        {
            links = DenseStorage.ReadLinks(context, heap, dense);
        }
        else
        {
            links = [.. header.All(MessageType.Link).Select(m => LinkMessage.Read(context, m.Data))];
        }

        if (links.Count > context.Limits.MaxLinksPerGroup)
        {
            throw context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"group has more than {context.Limits.MaxLinksPerGroup} links"));
        }

        // HDF5 orders a group's links by the bytes of their names; a copy keeps a cached list shared by groups intact.
        var sorted = links.OrderBy(l => l.RawName, ByteOrder.Instance).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1].RawName.AsSpan().SequenceEqual(sorted[i].RawName))
            {
                throw context.Malformed(sorted[i].FileOffset, $"the group links the name '{sorted[i].Name}' twice");
            }
        }

        return sorted;
    }

    private List<H5Attribute> ReadAttributes(ObjectHeader header, long address)
    {
        var attributes = new List<H5Attribute>();
        foreach (var message in header.All(MessageType.Attribute))
        {
            if (attributes.Count >= context.Limits.MaxAttributesPerObject)
            {
                throw context.Malformed(message.Data.FileOffset, string.Create(CultureInfo.InvariantCulture, $"the object has more than {context.Limits.MaxAttributesPerObject} attributes"));
            }

            if (message.IsShared)
            {
                throw context.Unsupported(message.Data.FileOffset, "a shared attribute message is not supported");
            }

            attributes.Add(AttributeMessage.Read(context, message.Data));
        }

        if (header.Find(MessageType.AttributeInfo) is { } info
            && LinkInfoMessage.Read(context, info.Data, 2, "attribute info") is { FractalHeap: { } heap } dense)
        {
            attributes.AddRange(DenseStorage.ReadAttributes(context, heap, dense));
        }

        if (attributes.Count > context.Limits.MaxAttributesPerObject)
        {
            throw context.Malformed(address, string.Create(CultureInfo.InvariantCulture, $"the object has more than {context.Limits.MaxAttributesPerObject} attributes"));
        }

        return [.. attributes.OrderBy(a => Encoding.UTF8.GetBytes(a.Name), ByteOrder.Instance)];
    }
}
