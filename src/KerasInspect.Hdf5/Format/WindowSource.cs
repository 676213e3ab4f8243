namespace KerasInspect.Hdf5.Format;

/// <summary>A range of a larger source, such as an HDF5 file stored uncompressed inside a zip archive.</summary>
internal sealed class WindowSource(H5Source inner, long offset, long length) : H5Source
{
    public override long Length => length;

    public override void Read(long position, Span<byte> destination) => inner.Read(offset + position, destination);
}
