using KerasInspect.Core.Config;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Diff;

/// <summary>
/// The config keys that change a layer's shapes or parameter counts (param-formulas.md), and their changes between two
/// configs. Other keys (initializers, activations, dropout rates) change neither and are left out. The keys are
/// compared only when the layer's tensors, counts or output shapes changed (or cannot be known): writers spell one
/// value differently (<c>axis</c> <c>[3]</c> and <c>-1</c>) and leave out defaults differently, so a difference that
/// changes nothing the layer computes is not a change. <c>trainable</c> is always compared.
/// </summary>
internal static class ShapeKeys
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "units", "filters", "kernel_size", "strides", "padding", "dilation_rate", "groups", "depth_multiplier",
        "data_format", "use_bias", "return_sequences", "return_state", "reset_after", "merge_mode", "input_dim",
        "output_dim", "num_heads", "key_dim", "value_dim", "output_shape", "use_scale", "center", "scale", "axis",
        "n", "target_shape", "dims", "size", "cropping", "pool_size", "shared_axes", "batch_input_shape",
    ];

    /// <summary>Keys that name one thing in two dialects: Keras 3 writes an input layer's <c>batch_shape</c>.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["batch_input_shape"] = "batch_shape",
    };

    public static IReadOnlyList<ConfigChange> Compare(LayerSpec? old, LayerSpec? @new, bool material)
    {
        var changes = new List<ConfigChange>();
        if (old is null || @new is null)
        {
            return changes;
        }

        if (old.Trainable != @new.Trainable)
        {
            changes.Add(new ConfigChange("trainable", Bool(old.Trainable), Bool(@new.Trainable)));
        }

        if (material)
        {
            Compare("", old, @new, changes);
        }

        return changes;
    }

    private static void Compare(string prefix, LayerSpec old, LayerSpec @new, List<ConfigChange> changes)
    {
        foreach (var key in Keys)
        {
            var before = Value(old, key);
            var after = Value(@new, key);
            if (before is null && after is null)
            {
                continue;
            }

            if (before is null || after is null || !Same(before, after))
            {
                changes.Add(new ConfigChange(prefix + key, before?.ToString(), after?.ToString()));
            }
        }

        if (old.Inner is { } oldInner && @new.Inner is { } newInner)
        {
            if (oldInner.ClassName != newInner.ClassName)
            {
                changes.Add(new ConfigChange(prefix + "layer.class_name", $"\"{oldInner.ClassName}\"", $"\"{newInner.ClassName}\""));
            }

            Compare(prefix + "layer.", oldInner, newInner, changes);
        }
    }

    private static ConfigValue? Value(LayerSpec layer, string key) =>
        layer.Config[key] ?? (Aliases.TryGetValue(key, out var alias) ? layer.Config[alias] : null);

    /// <summary>Equal values; a one-item list equals its item (<c>[3]</c> and <c>3</c> are one kernel size).</summary>
    private static bool Same(ConfigValue a, ConfigValue b)
    {
        if (a.Kind == ConfigKind.Array && a.Items.Count == 1 && b.Kind != ConfigKind.Array)
        {
            return Same(a.Items[0], b);
        }

        if (b.Kind == ConfigKind.Array && b.Items.Count == 1 && a.Kind != ConfigKind.Array)
        {
            return Same(a, b.Items[0]);
        }

        return string.Equals(a.ToString(), b.ToString(), StringComparison.Ordinal);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
