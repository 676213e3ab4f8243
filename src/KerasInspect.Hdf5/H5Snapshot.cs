namespace KerasInspect.Hdf5;

/// <summary>
/// The immutable metadata of one HDF5 file: its group tree, every attribute value and every dataset's shape
/// and element type. Holds no offsets, bytes or open streams.
/// </summary>
public sealed record H5Snapshot(string File, int SuperblockVersion, H5Group Root)
{
    /// <summary>Every node in depth-first pre-order, the root first.</summary>
    public IEnumerable<H5Node> Walk()
    {
        var stack = new Stack<H5Node>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node is H5Group group)
            {
                for (var i = group.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(group.Children[i]);
                }
            }
        }
    }

    /// <summary>The node at an absolute path such as <c>/model_weights/dense</c>, or null. Links are not followed.</summary>
    public H5Node? Find(string path)
    {
        H5Node current = Root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is not H5Group group || group.Child(part) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }
}
