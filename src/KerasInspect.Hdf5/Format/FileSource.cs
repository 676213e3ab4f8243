using Microsoft.Win32.SafeHandles;

namespace KerasInspect.Hdf5.Format;

/// <summary>A file read with positional reads: only the bytes asked for are read, whatever the file size. The caller owns the handle.</summary>
internal sealed class FileSource(SafeFileHandle handle) : H5Source
{
    public override long Length { get; } = RandomAccess.GetLength(handle);

    public override void Read(long offset, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            destination = destination[read..];
            offset += read;
        }
    }

}
