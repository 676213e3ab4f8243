namespace KerasInspect.Hdf5;

/// <summary>A committed (named) datatype stored as an object of its own: recorded with its attributes, not decoded.</summary>
public sealed record H5CommittedDatatype(string Name, string Path, IReadOnlyList<H5Attribute> Attributes) : H5Node(Name, Path);
