namespace KerasInspect.Hdf5;

/// <summary>An attribute: its element type, its shape (empty for a scalar, null for a null dataspace) and its decoded value.</summary>
public sealed record H5Attribute(string Name, H5DataType Type, IReadOnlyList<long>? Shape, H5Value Value);
