using KerasInspect.Hdf5;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// tf.keras 2.13–2.15 on Windows joins a weights store's group paths with <c>os.path.join</c> (keras-team/keras#18528):
/// one link is named <c>layers\conv1d</c> (or <c>_layer_checkpoint_dependencies\conv2d</c>) instead of a <c>layers</c>
/// group holding <c>conv1d</c>. Keras on Linux cannot load such a file. The tree is read as if each backslash were a
/// group boundary; the nodes keep their real paths, so a stored tensor still says where it is.
/// </summary>
internal static class BackslashGroupNames
{
    /// <summary>True when some link at the root (where Keras starts its paths) has a backslash in its name.</summary>
    public static bool Has(H5Group root) => root.Children.Any(c => c.Name.Contains('\\', StringComparison.Ordinal));

    /// <summary>The group with every backslash in a link name, at any depth, turned into a level of groups.</summary>
    public static H5Group Unfold(H5Group group)
    {
        var children = new List<H5Node>();
        foreach (var child in group.Children)
        {
            var node = child is H5Group inner ? Unfold(inner) : child;
            var parts = node.Name.Split('\\', StringSplitOptions.RemoveEmptyEntries);
            Insert(children, group.Path, parts.Length == 0 ? [node.Name] : parts, node);
        }

        return group with { Children = children };
    }

    private static void Insert(List<H5Node> siblings, string parentPath, string[] parts, H5Node node)
    {
        if (parts.Length == 1)
        {
            siblings.Add(node with { Name = parts[0] });
            return;
        }

        var index = siblings.FindIndex(s => s is H5Group && string.Equals(s.Name, parts[0], StringComparison.Ordinal));
        var path = $"{parentPath.TrimEnd('/')}/{parts[0]}";
        var level = index >= 0 ? (H5Group)siblings[index] : new H5Group(parts[0], path, [], []);
        var children = level.Children.ToList();
        Insert(children, path, parts[1..], node);
        var merged = level with { Children = children };
        if (index >= 0)
        {
            siblings[index] = merged;
        }
        else
        {
            siblings.Add(merged);
        }
    }
}
