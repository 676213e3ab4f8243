namespace KerasInspect.Hdf5.Format;

/// <summary>An HDF5 file already in memory, such as the member of a zip archive.</summary>
internal sealed class MemorySource(ReadOnlyMemory<byte> bytes) : H5Source
{
    public override long Length => bytes.Length;

    public override void Read(long offset, Span<byte> destination) =>
        bytes.Span.Slice((int)offset, destination.Length).CopyTo(destination);
}
