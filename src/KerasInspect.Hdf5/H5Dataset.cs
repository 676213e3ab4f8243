namespace KerasInspect.Hdf5;

/// <summary>
/// A dataset's metadata: its shape (empty for a scalar, null for a null dataspace, which holds no elements) and
/// element type. Its data is never read.
/// </summary>
public sealed record H5Dataset(
    string Name,
    string Path,
    IReadOnlyList<H5Attribute> Attributes,
    IReadOnlyList<long>? Shape,
    H5DataType ElementType,
    H5StorageLayout Layout)
    : H5Node(Name, Path);
