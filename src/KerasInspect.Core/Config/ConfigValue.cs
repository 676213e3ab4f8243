using System.Globalization;

namespace KerasInspect.Core.Config;

/// <summary>
/// A dialect-neutral JSON value of a model config, carrying its path (<c>config.layers[3].config.units</c>) so every
/// problem found downstream can name the place it came from. Readers build it; rules only read it.
/// </summary>
public sealed class ConfigValue
{
    private static readonly IReadOnlyList<ConfigValue> NoItems = [];
    private static readonly IReadOnlyList<KeyValuePair<string, ConfigValue>> NoProperties = [];

    private readonly string? _string;
    private readonly double _number;
    private readonly bool _bool;
    private readonly IReadOnlyList<ConfigValue> _items;
    private readonly IReadOnlyList<KeyValuePair<string, ConfigValue>> _properties;

    private ConfigValue(string path, ConfigKind kind, string? text = null, double number = 0, bool flag = false,
        IReadOnlyList<ConfigValue>? items = null, IReadOnlyList<KeyValuePair<string, ConfigValue>>? properties = null)
    {
        Path = path;
        Kind = kind;
        _string = text;
        _number = number;
        _bool = flag;
        _items = items ?? NoItems;
        _properties = properties ?? NoProperties;
    }

    public string Path { get; }

    public ConfigKind Kind { get; }

    public bool IsNull => Kind == ConfigKind.Null;

    /// <summary>Array items (empty for other kinds).</summary>
    public IReadOnlyList<ConfigValue> Items => _items;

    /// <summary>Object properties in file order (empty for other kinds).</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> Properties => _properties;

    /// <summary>The property <paramref name="key"/> of an object, or null when absent or when this is not an object.</summary>
    public ConfigValue? this[string key]
    {
        get
        {
            foreach (var property in _properties)
            {
                if (string.Equals(property.Key, key, StringComparison.Ordinal))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    public static ConfigValue Null(string path) => new(path, ConfigKind.Null);

    public static ConfigValue Of(string path, bool value) => new(path, ConfigKind.Bool, flag: value);

    public static ConfigValue Of(string path, double value) => new(path, ConfigKind.Number, number: value);

    public static ConfigValue Of(string path, string value) => new(path, ConfigKind.String, text: value);

    public static ConfigValue Array(string path, IReadOnlyList<ConfigValue> items) => new(path, ConfigKind.Array, items: items);

    public static ConfigValue Object(string path, IReadOnlyList<KeyValuePair<string, ConfigValue>> properties) =>
        new(path, ConfigKind.Object, properties: properties);

    public string? AsString() => Kind == ConfigKind.String ? _string : null;

    public bool? AsBool() => Kind == ConfigKind.Bool ? _bool : null;

    public double? AsNumber() => Kind == ConfigKind.Number ? _number : null;

    /// <summary>The value as an exact integer, or null when it is not a number with an integral value in 64-bit range.</summary>
    public long? AsLong()
    {
        if (Kind != ConfigKind.Number || double.IsNaN(_number) || Math.Floor(_number) != _number
            || _number < long.MinValue || _number >= 9.2233720368547758E18)
        {
            return null;
        }

        return (long)_number;
    }

    public override string ToString() => Kind switch
    {
        ConfigKind.Null => "null",
        ConfigKind.Bool => _bool ? "true" : "false",
        ConfigKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        ConfigKind.String => $"\"{_string}\"",
        ConfigKind.Array => "[" + string.Join(", ", _items) + "]",
        _ => "{" + string.Join(", ", _properties.Select(p => $"\"{p.Key}\": {p.Value}")) + "}",
    };
}
