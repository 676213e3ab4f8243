namespace KerasInspect.Hdf5;

/// <summary>An external link: recorded with the file and object it names; that file is never opened.</summary>
public sealed record H5ExternalLink(string Name, string Path, string FileName, string Target) : H5Node(Name, Path);
