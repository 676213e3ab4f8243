using KerasInspect.Core.Config;

namespace KerasInspect.Readers.Json;

/// <summary>
/// Keras 1 config keys renamed to their Keras 2 names (keras-file-formats.md §3.1), so one mapper and one set of rules
/// serve both: <c>output_dim</c> → <c>units</c> (not for Embedding, whose <c>output_dim</c> kept its name), <c>bias</c> →
/// <c>use_bias</c>, <c>nb_filter</c> → <c>filters</c>, <c>filter_length</c> → <c>kernel_size</c>, <c>subsample</c> →
/// <c>strides</c>, <c>border_mode</c> → <c>padding</c>, <c>p</c> → <c>rate</c>, <c>dim_ordering</c> <c>tf</c>/<c>th</c> →
/// <c>data_format</c>, <c>atrous_rate</c> → <c>dilation_rate</c>, <c>nb_row</c>/<c>nb_col</c> and <c>kernel_dim1..3</c> →
/// <c>kernel_size</c>. Values keep their original JSON paths.
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
            var renamed = name switch
            {
                "dim_ordering" => DataFormat(value),
                "atrous_rate" => value,
                _ => null,
            };
            if (renamed is not null)
            {
                name = name == "dim_ordering" ? "data_format" : "dilation_rate";
            }

            if (properties.All(p => p.Key != name))
            {
                properties.Add(KeyValuePair.Create(name, renamed ?? value));
            }
        }

        if (KernelSize(config) is { } kernelSize && properties.All(p => p.Key != "kernel_size"))
        {
            properties.Add(KeyValuePair.Create("kernel_size", kernelSize));
        }

        return ConfigValue.Object(config.Path, properties);
    }

    /// <summary><c>dim_ordering</c> <c>tf</c> / <c>th</c> as <c>data_format</c> <c>channels_last</c> / <c>channels_first</c>; other values pass through for the rule to refuse.</summary>
    private static ConfigValue DataFormat(ConfigValue value) => value.AsString() switch
    {
        "tf" => ConfigValue.Of(value.Path, "channels_last"),
        "th" => ConfigValue.Of(value.Path, "channels_first"),
        _ => value,
    };

    /// <summary>A 2-D window's <c>nb_row</c>, <c>nb_col</c> or a 3-D one's <c>kernel_dim1..3</c> as one <c>kernel_size</c> list (at the first key's path).</summary>
    private static ConfigValue? KernelSize(ConfigValue config)
    {
        string[][] spellings = [["kernel_dim1", "kernel_dim2", "kernel_dim3"], ["nb_row", "nb_col"]];
        foreach (var keys in spellings)
        {
            if (keys.All(k => config[k] is not null))
            {
                var items = keys.Select(k => config[k]!).ToList();
                return ConfigValue.Array(items[0].Path, items);
            }
        }

        return null;
    }
}
