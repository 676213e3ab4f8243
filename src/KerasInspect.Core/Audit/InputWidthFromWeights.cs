using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Audit;

/// <summary>
/// When a layer's input shape cannot be inferred (it comes after a Lambda, say), the width of its input can still be
/// read off the tensor its rule names (<see cref="ILayerRule.InputWidth"/>): a Dense kernel <c>(f, u)</c> gives <c>f</c>.
/// The layer is then planned on an input whose other dimensions are unknown, so everything but that width is still
/// checked against the config. It is not an independent check of the width, and the audit says so (KI1007).
/// </summary>
internal static class InputWidthFromWeights
{
    /// <summary>The input to plan the layer on, its width and the stored tensor it came from; null for other classes.</summary>
    /// <param name="dialect">The file's naming, when its tensor names are not the roles (Keras 1's <c>dense_1_W</c>).</param>
    public static (Shape Input, long Width, StoredTensor Kernel)? Infer(LayerSpec layer, IReadOnlyList<StoredTensor> stored, LayerRules rules, IStorageDialect? dialect = null)
    {
        if (rules.Find(layer.ClassName)?.InputWidth(layer, rules) is not { } source
            || Kernel(stored, dialect?.TensorName(layer, source.Role) ?? source.Role, source.Scope) is not { } kernel || kernel.Shape.Count < 2
            || source.FromShape(kernel.Shape) is not { } found)
        {
            return null;
        }

        var channelsFirst = layer.Config["data_format"]?.AsString() == "channels_first" && found.Rank > 2;
        var unknown = Enumerable.Repeat<long?>(null, found.Rank - 2);
        return (new Shape(channelsFirst ? [null, found.Width, .. unknown] : [null, .. unknown, found.Width]), found.Width, kernel);
    }

    /// <summary>The stored kernel: by role name (inside the scope, when there is one), or the first of positional tensors.</summary>
    private static StoredTensor? Kernel(IReadOnlyList<StoredTensor> stored, string role, string? scope)
    {
        if (stored.Count > 0 && stored.All(t => t.Position is not null))
        {
            return scope is null ? stored.MinBy(t => t.Position) : null;
        }

        return stored.FirstOrDefault(t =>
        {
            var parts = t.Name.Split('/');
            var name = parts[^1].Split(':')[0];
            // a dialect's name may carry scopes of its own (a Keras 1 layer named dense_1/xxx): compare the last part
            return name == role.Split('/')[^1] && (scope is null || parts[..^1].Any(p => p.StartsWith(scope, StringComparison.Ordinal)));
        });
    }
}
