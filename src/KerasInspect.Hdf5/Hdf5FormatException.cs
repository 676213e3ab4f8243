using KerasInspect.Core;

namespace KerasInspect.Hdf5;

/// <summary>
/// The one error the HDF5 reader raises: the file is malformed, truncated, or uses a structure
/// outside the supported subset. It names the file, the object path being read and the byte offset.
/// </summary>
public sealed class Hdf5FormatException : KerasInspectException
{
    internal Hdf5FormatException(string message, string file, string objectPath, long offset, bool isUnsupported)
        : base(message, new SourceLocation(file, objectPath, offset))
    {
        ObjectPath = objectPath;
        Offset = offset;
        IsUnsupportedFeature = isUnsupported;
    }

    /// <summary>The HDF5 path of the object being read when the problem was found.</summary>
    public string ObjectPath { get; }

    /// <summary>The absolute byte offset in the file of the structure at fault.</summary>
    public long Offset { get; }

    /// <summary>True when the file may be valid HDF5 but uses a feature this reader refuses; false when it is malformed.</summary>
    public bool IsUnsupportedFeature { get; }
}
