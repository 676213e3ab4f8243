namespace KerasInspect.Hdf5;

/// <summary>A soft link: recorded with its target path, never followed.</summary>
public sealed record H5SoftLink(string Name, string Path, string Target) : H5Node(Name, Path);
