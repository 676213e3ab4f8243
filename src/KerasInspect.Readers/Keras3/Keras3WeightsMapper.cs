using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Hdf5;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// Maps a Keras 3 weights store (<c>model.weights.h5</c>, keras-file-formats.md §4.3) to the config's layers. Groups
/// under <c>layers</c> (tf.keras 2.13: <c>_layer_checkpoint_dependencies</c>) are named by snake-cased class, numbered in
/// list order, or carry the layer's name in their <c>vars</c> group's <c>name</c> attribute (Keras ≥ 3.6). Variables
/// have no role names, only an order, so every stored tensor gets its <see cref="StoredTensor.Position"/>.
/// </summary>
internal static class Keras3WeightsMapper
{
    private static readonly string[] LayerListNames = ["layers", "_layer_checkpoint_dependencies"];

    public static (List<StoredLayer> Layers, int OptimizerTensors) Map(H5Snapshot snapshot, ModelDescription model)
    {
        var layers = LayerList(Root(snapshot)) is { } list ? Layers(model, list) : [];
        var optimizer = snapshot.Root.Child("optimizer") is H5Group group
            ? new H5Snapshot(snapshot.File, snapshot.SuperblockVersion, group).Walk().Count(n => n is H5Dataset)
            : 0;
        return (layers, optimizer);
    }

    /// <summary>True for a Keras 3 weights store: a <c>layers</c> (or <c>_layer_checkpoint_dependencies</c>) group at the root.</summary>
    public static bool IsWeightsStore(H5Snapshot snapshot) => LayerList(Root(snapshot)) is not null;

    /// <summary>True when the store was written on Windows with backslashes in its group names (<see cref="BackslashGroupNames"/>).</summary>
    public static bool HasBackslashNames(H5Snapshot snapshot) => BackslashGroupNames.Has(snapshot.Root);

    /// <summary>Without a config: each group under <c>layers</c> as a layer named after the group, its variables in order.</summary>
    public static List<StoredLayer> ListGroups(H5Snapshot snapshot)
    {
        var layers = new List<StoredLayer>();
        foreach (var group in LayerList(Root(snapshot))?.Children.OfType<H5Group>() ?? [])
        {
            var tensors = new List<StoredTensor>();
            Collect(group.Name, group, "", tensors);
            layers.Add(new StoredLayer(group.Name, tensors));
        }

        return layers;
    }

    private static H5Group Root(H5Snapshot snapshot) =>
        BackslashGroupNames.Has(snapshot.Root) ? BackslashGroupNames.Unfold(snapshot.Root) : snapshot.Root;

    private static H5Group? LayerList(H5Group group) =>
        LayerListNames.Select(group.Child).OfType<H5Group>().FirstOrDefault();

    private static List<StoredLayer> Layers(ModelDescription model, H5Group list)
    {
        // A Sequential's implicit InputLayer has no group; a functional model's InputLayers do.
        var specs = model.Kind == ModelKind.Sequential ? model.Layers.Where(l => l.ClassName != "InputLayer").ToList() : [.. model.Layers];
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = list.Children.OfType<H5Group>()
            .Select(g => (Group: g, Name: (g.Child("vars") as H5Group)?.Attribute("name")?.Value is H5StringValue { Items: [var n] } ? n : null))
            .Where(x => x.Name is not null)
            .ToDictionary(x => x.Name!, x => x.Group, StringComparer.Ordinal);
        var layers = new List<StoredLayer>();
        foreach (var spec in specs)
        {
            var snake = KerasNames.SnakeCase(spec.ClassName);
            var seen = counters.GetValueOrDefault(snake);
            counters[snake] = seen + 1;
            var groupName = seen == 0 ? snake : string.Create(CultureInfo.InvariantCulture, $"{snake}_{seen}");
            var group = byName.GetValueOrDefault(spec.Name) ?? Child(list, groupName);
            if (group is not null)
            {
                layers.Add(new StoredLayer(spec.Name, Tensors(spec, group)));
            }
        }

        return layers;
    }

    private static List<StoredTensor> Tensors(LayerSpec spec, H5Group group)
    {
        if (spec.Nested is { } nested && LayerList(group) is { } list)
        {
            // A nested model's layers keep their own order; their names let the cross-check hand each its tensors.
            return [.. Layers(nested, list).SelectMany(child => child.Tensors.Select(t => t with
            {
                Layer = spec.Name,
                Name = $"{child.Name}/{t.Name}",
            }))];
        }

        var tensors = new List<StoredTensor>();
        Collect(spec.Name, group, "", tensors);
        return tensors;
    }

    private static void Collect(string layer, H5Group group, string relative, List<StoredTensor> tensors)
    {
        if (group.Name == "vars")
        {
            foreach (var dataset in group.Children.OfType<H5Dataset>().OrderBy(d => NumericName(d.Name)))
            {
                tensors.Add(new StoredTensor(layer, relative + dataset.Name, dataset.Path, dataset.Shape ?? [0], dataset.ElementType.Name) { Position = tensors.Count });
            }

            return;
        }

        foreach (var child in group.Children.OfType<H5Group>().OrderBy(g => SubObjectRank(g.Name.TrimStart('_'))).ThenBy(g => g.Name, StringComparer.Ordinal))
        {
            if (child.Name.TrimStart('_') != "layer" || !group.Children.Any(c => c.Name == "forward_layer"))
            {
                Collect(layer, child, $"{relative}{child.Name}/", tensors);
            }
        }
    }

    /// <summary>A layer's own variables first, then its sub-layers in the order the rules say their layer creates them (the file lists them alphabetically).</summary>
    private static int SubObjectRank(string name)
    {
        if (name == "vars")
        {
            return 0;
        }

        var order = LayerRules.Default.SubLayerOrder;
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return int.MaxValue;
    }

    private static H5Group? Child(H5Group group, string name) =>
        group.Child(name) as H5Group ?? group.Child("_" + name) as H5Group;

    /// <summary>HDF5 lists 0, 1, 10, 11, 2, …; the variables' order is numeric.</summary>
    private static long NumericName(string name) =>
        long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
}
