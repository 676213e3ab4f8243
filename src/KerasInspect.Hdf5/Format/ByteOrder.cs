namespace KerasInspect.Hdf5.Format;

/// <summary>Orders byte strings as HDF5 orders a group's link names: byte by byte, a prefix first.</summary>
internal sealed class ByteOrder : IComparer<byte[]>
{
    public static ByteOrder Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
