namespace KerasInspect.Hdf5;

/// <summary>
/// A second hard link to an object already walked at <see cref="Target"/>: a shared object, or a cycle when
/// the target is an ancestor. The object is not walked twice.
/// </summary>
public sealed record H5RepeatedLink(string Name, string Path, string Target) : H5Node(Name, Path);
