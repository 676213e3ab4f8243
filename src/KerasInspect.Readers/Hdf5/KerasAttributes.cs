using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Hdf5;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Keras' conventions for attributes: string lists such as <c>layer_names</c> and <c>weight_names</c>, split into
/// <c>name0</c>, <c>name1</c>, … when one attribute would not fit in an object header, and stored as an empty
/// float64 array when the list is empty.
/// </summary>
internal static class KerasAttributes
{
    /// <summary>The list stored under <paramref name="name"/> (whole or chunked), or null when there is none.</summary>
    public static IReadOnlyList<string>? StringList(string file, H5Group group, string name)
    {
        if (group.Attribute(name) is { } whole)
        {
            return Strings(file, group, whole);
        }

        var items = new List<string>();
        for (var chunk = 0; group.Attribute(string.Create(CultureInfo.InvariantCulture, $"{name}{chunk}")) is { } part; chunk++)
        {
            items.AddRange(Strings(file, group, part));
        }

        return items.Count > 0 ? items : null;
    }

    /// <summary>A scalar string attribute, or null when it is absent.</summary>
    public static string? String(string file, H5Group group, string name) =>
        group.Attribute(name) is { } attribute ? Strings(file, group, attribute) switch
        {
            [var single] => single,
            _ => throw new ModelFormatException($"attribute '{name}' should hold one string", new SourceLocation(file, group.Path)),
        } : null;

    private static IReadOnlyList<string> Strings(string file, H5Group group, H5Attribute attribute) => attribute.Value switch
    {
        H5StringValue strings => strings.Items,
        H5FloatValue { Items.Count: 0 } or H5IntegerValue { Items.Count: 0 } => [],
        _ => throw new ModelFormatException(
            $"attribute '{attribute.Name}' should hold strings, it holds {attribute.Type.Name}",
            new SourceLocation(file, group.Path)),
    };
}
