using KerasInspect.Core;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Tfjs;

/// <summary>
/// TF.js names a nested model's weights by the inner layers' own names (<c>Conv1/kernel</c>, <c>dense_Dense3/kernel</c>),
/// without the nested model's name, at any depth. Such weights belong to the outermost nested model holding that layer;
/// their names keep the inner layer's scope, which is how the cross-check hands each inner layer its own.
/// </summary>
internal static class TfjsNestedWeights
{
    public static List<StoredLayer> Attribute(IReadOnlyList<StoredLayer> layers, ModelDescription model)
    {
        var topLevel = model.Layers.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in model.Layers.Where(l => l.Nested is not null))
        {
            foreach (var inner in Descendants(layer.Nested!))
            {
                owner.TryAdd(inner, layer.Name);
            }
        }

        var merged = new Dictionary<string, List<StoredTensor>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var layer in layers)
        {
            var name = !topLevel.Contains(layer.Name) && owner.TryGetValue(layer.Name, out var outer) ? outer : layer.Name;
            if (!merged.TryGetValue(name, out var tensors))
            {
                merged[name] = tensors = [];
                order.Add(name);
            }

            tensors.AddRange(layer.Tensors.Select(t => t with { Layer = name }));
        }

        return [.. order.Select(name => new StoredLayer(name, merged[name]))];
    }

    private static IEnumerable<string> Descendants(ModelDescription model) =>
        model.Layers.SelectMany(l => l.Nested is { } nested ? Descendants(nested).Prepend(l.Name) : [l.Name]);
}
