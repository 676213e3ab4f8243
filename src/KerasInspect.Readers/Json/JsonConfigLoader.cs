using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Core.Config;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Json;

/// <summary>
/// Parses JSON text into a <see cref="ConfigValue"/> tree with every value's path. Duplicate keys and nesting deeper
/// than <see cref="MaxDepth"/> are errors naming the line and position, never a stack overflow.
/// </summary>
public static class JsonConfigLoader
{
    /// <summary>Deepest nesting accepted; real Keras configs stay under 30 levels even with nested models.</summary>
    public const int MaxDepth = 256;

    /// <exception cref="ModelFormatException">The text is not valid JSON.</exception>
    public static ConfigValue Parse(string json, string file)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                MaxDepth = MaxDepth,
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                LineInfoHandling = LineInfoHandling.Load,
            });
            if (reader.Read())
            {
                throw new ModelFormatException("unexpected content after the JSON value", new SourceLocation(file, Line: ((IJsonLineInfo)reader).LineNumber));
            }

            return Convert(token, "$");
        }
        catch (JsonException error)
        {
            var line = error is JsonReaderException r ? r.LineNumber : (int?)null;
            throw new ModelFormatException($"not valid JSON: {error.Message}", new SourceLocation(file, Line: line), error);
        }
    }

    private static ConfigValue Convert(JToken token, string path) => token switch
    {
        JObject o => ConfigValue.Object(path, [.. o.Properties().Select(p => KeyValuePair.Create(p.Name, Convert(p.Value, Child(path, p.Name))))]),
        JArray a => ConfigValue.Array(path, [.. a.Select((item, i) => Convert(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))]),
        JValue { Type: JTokenType.String } v => ConfigValue.Of(path, (string)v.Value!),
        JValue { Type: JTokenType.Boolean } v => ConfigValue.Of(path, (bool)v.Value!),
        JValue { Type: JTokenType.Integer } v => ConfigValue.Of(path, System.Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.Float } v => ConfigValue.Of(path, System.Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)),
        _ => ConfigValue.Null(path),
    };

    private static string Child(string path, string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{key}" : $"{path}['{key}']";
}
