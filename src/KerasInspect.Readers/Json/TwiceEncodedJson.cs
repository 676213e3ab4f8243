using KerasInspect.Core.Config;

namespace KerasInspect.Readers.Json;

/// <summary>
/// An architecture file written as <c>json.dump(model.to_json(), f)</c>, common in 2017 tutorials: the file is one JSON
/// string whose text is the model's JSON. Keras reads it after one more <c>json.loads</c>; so does this reader.
/// </summary>
internal static class TwiceEncodedJson
{
    /// <summary>The JSON inside <paramref name="root"/> when it is a string holding a JSON object or list; null otherwise.</summary>
    public static ConfigValue? Inner(ConfigValue root, string file)
    {
        if (root.Kind != ConfigKind.String || root.AsString() is not { } text)
        {
            return null;
        }

        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[') ? JsonConfigLoader.Parse(text, $"{file} (the JSON inside the top-level string)") : null;
    }
}
