using KerasInspect.Core;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Keras 1 names a stored tensor <c>&lt;layer&gt;_&lt;role&gt;</c> (<c>convolution2d_1_W:0</c>, keras-file-formats.md
/// §3.2). For the classes below the Keras 1 role is renamed to the Keras 2 role the rules expect (<c>W</c> → kernel,
/// <c>running_std</c> → moving_variance); the stored path is kept, so findings still say where the tensor is.
/// </summary>
internal static class Keras1TensorRoles
{
    private static readonly Dictionary<string, string> Convolution = new(StringComparer.Ordinal) { ["W"] = "kernel", ["b"] = "bias" };

    private static readonly Dictionary<string, Dictionary<string, string>> ByClass = new(StringComparer.Ordinal)
    {
        ["Convolution1D"] = Convolution,
        ["Convolution2D"] = Convolution,
        ["Convolution3D"] = Convolution,
        ["AtrousConvolution1D"] = Convolution,
        ["AtrousConvolution2D"] = Convolution,
        ["Deconvolution2D"] = Convolution,
        ["MaxoutDense"] = Convolution,
        ["SeparableConvolution2D"] = new(StringComparer.Ordinal)
        {
            ["depthwise_kernel"] = "depthwise_kernel",
            ["pointwise_kernel"] = "pointwise_kernel",
            ["b"] = "bias",
        },
        ["BatchNormalization"] = new(StringComparer.Ordinal)
        {
            ["gamma"] = "gamma",
            ["beta"] = "beta",
            ["running_mean"] = "moving_mean",
            ["running_std"] = "moving_variance",
        },
        ["Highway"] = new(StringComparer.Ordinal)
        {
            ["W"] = "kernel",
            ["W_carry"] = "carry_kernel",
            ["b"] = "bias",
            ["b_carry"] = "carry_bias",
        },
    };

    /// <summary>The weights with the tensors of the listed classes renamed to their Keras 2 roles; others unchanged.</summary>
    public static StoredWeights Apply(StoredWeights weights, ModelDescription model)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(model, classes);
        return weights with
        {
            Layers = [.. weights.Layers.Select(layer => layer with { Tensors = [.. layer.Tensors.Select(t => Renamed(t, classes))] })],
        };
    }

    private static StoredTensor Renamed(StoredTensor tensor, Dictionary<string, string> classes)
    {
        var slash = tensor.Name.LastIndexOf('/');
        var leaf = tensor.Name[(slash + 1)..];
        var colon = leaf.LastIndexOf(':');
        var (stem, suffix) = colon > 0 ? (leaf[..colon], leaf[colon..]) : (leaf, "");
        // the longest layer name that prefixes the stem is the owner: dense_1 in dense_10_W would be wrong
        var owner = classes.Keys.Where(name => stem.StartsWith(name + "_", StringComparison.Ordinal)).MaxBy(name => name.Length);
        if (owner is null || !ByClass.TryGetValue(classes[owner], out var roles) || !roles.TryGetValue(stem[(owner.Length + 1)..], out var role))
        {
            return tensor;
        }

        return tensor with { Name = $"{tensor.Name[..(slash + 1)]}{role}{suffix}" };
    }

    private static void Collect(ModelDescription model, Dictionary<string, string> classes)
    {
        foreach (var layer in model.Layers)
        {
            classes.TryAdd(layer.Name, layer.ClassName);
            if (layer.Inner is { } inner)
            {
                classes.TryAdd(inner.Name, inner.ClassName);
            }

            if (layer.Nested is { } nested)
            {
                Collect(nested, classes);
            }
        }
    }
}
