namespace KerasInspect.Hdf5;

/// <summary>
/// Caps that keep the reader's work bounded on hostile files. Real Keras files stay far below every default
/// (see hdf5-subset.md §4 for the maxima measured on the corpus).
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Deepest group nesting walked.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Nodes in one snapshot: groups, datasets and every link recorded (repeated, soft and external ones too).</summary>
    public int MaxObjects { get; init; } = 1_000_000;

    /// <summary>Bytes of all link names and paths decoded in one file.</summary>
    public long MaxTotalNameBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Bytes read from the file while walking its metadata; null means twice the file's length plus 64 MiB. A real file
    /// reads each structure once, so only structures shared or repeated beyond reason reach it.
    /// </summary>
    public long? MaxReadBytes { get; init; }

    /// <summary>Chunks (the first plus continuations) in one object header.</summary>
    public int MaxHeaderChunks { get; init; } = 256;

    /// <summary>Messages in one object header, over all its chunks.</summary>
    public int MaxMessagesPerHeader { get; init; } = 65_535;

    /// <summary>Bytes in one object header chunk.</summary>
    public int MaxHeaderChunkBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Levels of a B-tree (version 1 or 2).</summary>
    public int MaxBTreeDepth { get; init; } = 16;

    /// <summary>Links in one group.</summary>
    public int MaxLinksPerGroup { get; init; } = 1_000_000;

    /// <summary>Bytes of one link or attribute name.</summary>
    public int MaxNameBytes { get; init; } = 64 * 1024;

    /// <summary>Attributes on one object.</summary>
    public int MaxAttributesPerObject { get; init; } = 4_096;

    /// <summary>Elements in one attribute value.</summary>
    public long MaxAttributeElements { get; init; } = 1_000_000;

    /// <summary>Bytes of one variable-length string.</summary>
    public long MaxStringBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bytes of all attribute values decoded in one file, strings included (defeats heap-amplification tricks).</summary>
    public long MaxTotalStringBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Nesting of datatypes (a variable-length type's base type counts as one level).</summary>
    public int MaxDatatypeDepth { get; init; } = 8;

    /// <summary>Dimensions of one dataspace.</summary>
    public int MaxRank { get; init; } = 32;

    /// <summary>Bytes of one local heap's data segment (link names of one symbol-table group).</summary>
    public int MaxLocalHeapBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Bytes of one fractal-heap block or one managed object in dense storage.</summary>
    public int MaxHeapBlockBytes { get; init; } = 64 * 1024 * 1024;
}
