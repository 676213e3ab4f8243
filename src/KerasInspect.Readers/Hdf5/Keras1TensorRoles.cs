using KerasInspect.Core;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Keras 1 names a stored tensor <c>&lt;layer&gt;_&lt;role&gt;</c> (<c>convolution2d_1_W:0</c>, keras-file-formats.md
/// §3.2). For the classes below the Keras 1 role is renamed to the Keras 2 role the rules expect (<c>W</c> → kernel,
/// <c>running_std</c> → moving_variance); the stored path is kept, so findings still say where the tensor is. Keras 2's
/// legacy <c>MaxoutDense</c> and <c>Highway</c> store the same roles under their scope (<c>maxoutdense_1/W:0</c>).
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
        var colon = tensor.Name.LastIndexOf(':');
        var (full, suffix) = colon > 0 && colon > tensor.Name.LastIndexOf('/') ? (tensor.Name[..colon], tensor.Name[colon..]) : (tensor.Name, "");
        var slash = full.LastIndexOf('/');
        // The owner's name starts the whole name (a layer named with a TensorFlow scope, dense_1/xxx/yyy_W) or its last
        // part (scope/convolution2d_1_W); the longest such name wins: dense_1 in dense_10_W would be wrong.
        var (owner, prefix) = Owner(full, classes) is { } whole ? (whole, "")
            : Owner(full[(slash + 1)..], classes) is { } leaf ? (leaf, full[..(slash + 1)])
            : (null, "");
        if (owner is not null && ByClass.TryGetValue(classes[owner], out var roles)
            && roles.TryGetValue(full[(prefix.Length + owner.Length + 1)..], out var role))
        {
            return tensor with { Name = $"{prefix}{role}{suffix}" };
        }

        // Keras 2's legacy layers (MaxoutDense, Highway) keep the Keras 1 roles under their own scope: maxoutdense_1/W:0
        var parts = full.Split('/');
        return parts.Length >= 2 && classes.TryGetValue(parts[^2], out var scopeClass) && ByClass.TryGetValue(scopeClass, out var scoped)
            && scoped.TryGetValue(parts[^1], out var legacy)
            ? tensor with { Name = $"{full[..(slash + 1)]}{legacy}{suffix}" }
            : tensor;
    }

    private static string? Owner(string name, Dictionary<string, string> classes) =>
        classes.Keys.Where(layer => name.StartsWith(layer + "_", StringComparison.Ordinal)).MaxBy(layer => layer.Length);

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
