namespace KerasInspect.Hdf5;

/// <summary>A group with its attributes and its links, ordered by the UTF-8 bytes of their names.</summary>
public sealed record H5Group(string Name, string Path, IReadOnlyList<H5Attribute> Attributes, IReadOnlyList<H5Node> Children)
    : H5Node(Name, Path)
{
    /// <summary>The child linked under <paramref name="name"/>, or null.</summary>
    public H5Node? Child(string name) => Children.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The attribute called <paramref name="name"/>, or null.</summary>
    public H5Attribute? Attribute(string name) => Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
