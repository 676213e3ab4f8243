using KerasInspect.Hdf5.Format;

namespace KerasInspect.Hdf5;

/// <summary>
/// The entry point of the managed HDF5 metadata reader. Reads the group tree, attributes and dataset shapes of a
/// file, never its dataset data, and checks every offset, length and count on the way.
/// </summary>
public static class H5File
{
    /// <summary>The 8-byte HDF5 format signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1a, (byte)'\n'];

    /// <summary>Reads the metadata snapshot of the HDF5 file at <paramref name="path"/>.</summary>
    /// <exception cref="Hdf5FormatException">The file is malformed or uses a structure outside the supported subset.</exception>
    public static H5Snapshot ReadSnapshot(string path, ReadLimits? limits = null)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var source = new FileSource(handle);
        return Read(source, path, limits ?? ReadLimits.Default);
    }

    /// <summary>
    /// Reads the metadata snapshot of an HDF5 file stored as <paramref name="length"/> bytes at <paramref name="offset"/> of
    /// the file at <paramref name="path"/> (an uncompressed zip member), without copying it.
    /// </summary>
    /// <exception cref="Hdf5FormatException">The bytes are malformed or use a structure outside the supported subset.</exception>
    public static H5Snapshot ReadSnapshot(string path, long offset, long length, string displayName, ReadLimits? limits = null)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var file = new FileSource(handle);
        if (offset < 0 || length < 0 || offset > file.Length || length > file.Length - offset)
        {
            throw new Hdf5FormatException($"the embedded HDF5 file ({length} bytes at byte {offset}) lies outside its container", displayName, "/", offset, isUnsupported: false);
        }

        using var window = new WindowSource(file, offset, length);
        return Read(window, displayName, limits ?? ReadLimits.Default);
    }

    /// <summary>Reads the metadata snapshot of an HDF5 file already in memory, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="Hdf5FormatException">The bytes are malformed or use a structure outside the supported subset.</exception>
    public static H5Snapshot ReadSnapshot(ReadOnlyMemory<byte> bytes, string displayName, ReadLimits? limits = null)
    {
        using var source = new MemorySource(bytes);
        return Read(source, displayName, limits ?? ReadLimits.Default);
    }

    private static H5Snapshot Read(H5Source source, string fileName, ReadLimits limits)
    {
        var context = new ReadContext(source, fileName, limits);
        var superblock = Superblock.Read(context);
        var root = context.Resolve(superblock.RootObjectHeader, superblock.BaseAddress, "root group object header");
        return new H5Snapshot(fileName, superblock.Version, new TreeWalker(context).ReadRoot(root));
    }
}
