using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Core.Config;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Tfjs;

/// <summary>
/// TF.js builds the cells of a <c>StackedRNNCells</c> in name scopes <c>RNNCell_0</c>, <c>RNNCell_1</c>, … (tfjs-layers
/// <c>StackedRNNCells.build</c>), so an <c>RNN</c>'s weights are <c>rnn_RNN1/RNNCell_1/kernel</c>, where Keras scopes
/// them by the cell's name. The scope is renamed to the cell's name from the config, so each cell's tensors find it.
/// </summary>
internal static class TfjsStackedCellNames
{
    private const string Scope = "RNNCell_";

    public static List<StoredLayer> Rename(IReadOnlyList<StoredLayer> layers, ModelDescription model)
    {
        var cells = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        Collect(model, cells);
        if (cells.Count == 0)
        {
            return [.. layers];
        }

        return [.. layers.Select(layer => layer with { Tensors = [.. layer.Tensors.Select(t => Renamed(t, cells))] })];
    }

    private static StoredTensor Renamed(StoredTensor tensor, Dictionary<string, List<string?>> cells)
    {
        var parts = tensor.Name.Split('/');
        for (var i = 1; i < parts.Length - 1; i++)
        {
            if (parts[i].StartsWith(Scope, StringComparison.Ordinal)
                && int.TryParse(parts[i].AsSpan(Scope.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && cells.TryGetValue(parts[i - 1], out var names) && index < names.Count && names[index] is { } name)
            {
                parts[i] = name;
                return tensor with { Name = string.Join('/', parts) };
            }
        }

        return tensor;
    }

    private static void Collect(ModelDescription model, Dictionary<string, List<string?>> cells)
    {
        foreach (var layer in model.Layers)
        {
            foreach (var spec in new[] { layer, layer.Inner, layer.Backward }.OfType<LayerSpec>())
            {
                if (spec.ClassName == "RNN" && spec.Config["cell"] is { } cell && cell["class_name"]?.AsString() == "StackedRNNCells"
                    && cell["config"]?["cells"] is { Kind: ConfigKind.Array } list)
                {
                    cells.TryAdd(spec.Name, [.. list.Items.Select(c => c["config"]?["name"]?.AsString())]);
                }
            }

            if (layer.Nested is { } nested)
            {
                Collect(nested, cells);
            }
        }
    }
}
