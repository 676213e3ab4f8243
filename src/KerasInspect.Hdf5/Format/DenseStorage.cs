namespace KerasInspect.Hdf5.Format;

/// <summary>
/// Dense link and attribute storage: a fractal heap (III.G) of link or attribute messages, indexed by a
/// version 2 B-tree on name hashes (III.A.2).
/// </summary>
internal static class DenseStorage
{
    public static List<LinkEntry> ReadLinks(ReadContext context, long heap, LinkInfoMessage info) =>
        throw context.Unsupported(heap, "dense link storage (a fractal heap of links) is not supported yet");

    public static List<H5Attribute> ReadAttributes(ReadContext context, long heap, LinkInfoMessage info) =>
        throw context.Unsupported(heap, "dense attribute storage (a fractal heap of attributes) is not supported yet");
}
