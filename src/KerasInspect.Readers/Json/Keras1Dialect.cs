using KerasInspect.Core.Config;

namespace KerasInspect.Readers.Json;

/// <summary>
/// Keras 1 config keys renamed to their Keras 2 names (keras-file-formats.md §3.1), so one mapper and one set of rules
/// serve both: <c>output_dim</c> → <c>units</c> (not for Embedding, whose <c>output_dim</c> kept its name), <c>bias</c> →
/// <c>use_bias</c>, <c>nb_filter</c> → <c>filters</c>, <c>filter_length</c> → <c>kernel_size</c>, <c>subsample</c> →
/// <c>strides</c>, <c>border_mode</c> → <c>padding</c>, <c>p</c> → <c>rate</c>. Values keep their original JSON paths.
/// </summary>
internal static class Keras1Dialect
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["output_dim"] = "units",
        ["bias"] = "use_bias",
        ["nb_filter"] = "filters",
        ["filter_length"] = "kernel_size",
        ["subsample"] = "strides",
        ["subsample_length"] = "strides",
        ["border_mode"] = "padding",
        ["p"] = "rate",
        ["pool_length"] = "pool_size",
        ["stride"] = "strides",
    };

    public static ConfigValue? Normalize(string className, ConfigValue? config)
    {
        if (config is null || config.Kind != ConfigKind.Object)
        {
            return config;
        }

        var properties = new List<KeyValuePair<string, ConfigValue>>();
        foreach (var (key, value) in config.Properties)
        {
            var name = key == "output_dim" && className == "Embedding" ? key : Renames.GetValueOrDefault(key, key);
            if (properties.All(p => p.Key != name))
            {
                properties.Add(KeyValuePair.Create(name, value));
            }
        }

        return ConfigValue.Object(config.Path, properties);
    }
}
