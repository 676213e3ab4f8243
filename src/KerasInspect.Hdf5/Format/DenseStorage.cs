using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Dense link and attribute storage: link or attribute messages kept as objects of a fractal heap (III.G), found
/// through the records of a version 2 B-tree indexed on name hashes (III.A.2, record types 5 and 8).
/// </summary>
internal static class DenseStorage
{
    private const int LinkNameRecordType = 5;
    private const int AttributeNameRecordType = 8;

    public static List<LinkEntry> ReadLinks(ReadContext context, long heapAddress, LinkInfoMessage info)
    {
        var links = new List<LinkEntry>();
        foreach (var (bytes, offset) in Objects(context, heapAddress, info, LinkNameRecordType, idOffset: 4, context.Limits.MaxLinksPerGroup))
        {
            if (links.Count >= context.Limits.MaxLinksPerGroup)
            {
                throw context.Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"group has more than {context.Limits.MaxLinksPerGroup} links"));
            }

            links.Add(LinkMessage.Read(context, new ByteCursor(context, bytes, offset, "link message")));
        }

        return links;
    }

    public static List<H5Attribute> ReadAttributes(ReadContext context, long heapAddress, LinkInfoMessage info)
    {
        var attributes = new List<H5Attribute>();
        foreach (var (bytes, offset) in Objects(context, heapAddress, info, AttributeNameRecordType, idOffset: 0, context.Limits.MaxAttributesPerObject))
        {
            if (attributes.Count >= context.Limits.MaxAttributesPerObject)
            {
                throw context.Malformed(offset, string.Create(CultureInfo.InvariantCulture, $"the object has more than {context.Limits.MaxAttributesPerObject} attributes"));
            }

            attributes.Add(AttributeMessage.Read(context, new ByteCursor(context, bytes, offset, "attribute message")));
        }

        return attributes;
    }

    private static IEnumerable<(byte[] Bytes, long Offset)> Objects(ReadContext context, long heapAddress, LinkInfoMessage info, int recordType, int idOffset, int maxRecords)
    {
        if (info.NameIndex is not { } index)
        {
            throw context.Malformed(info.NameIndexAt, "dense storage has a fractal heap but no name index B-tree");
        }

        var heap = FractalHeap.Read(context, heapAddress, info.NameIndexAt);
        foreach (var record in BTreeV2.ReadRecords(context, index, info.NameIndexAt, recordType, maxRecords))
        {
            var at = record.CurrentFileOffset;
            record.Skip(idOffset);
            var id = record.Bytes(Math.Min(heap.IdLength, record.Remaining));
            if (recordType == AttributeNameRecordType && (record.Byte() & 0x02) != 0)
            {
                throw context.Unsupported(at, "a shared attribute message in dense storage is not supported");
            }

            yield return heap.ReadObject(id, at);
        }
    }
}
