namespace KerasInspect.Hdf5;

/// <summary>One link in the file's tree: a group, a dataset, or a link that is recorded but not followed.</summary>
public abstract record H5Node(string Name, string Path);
