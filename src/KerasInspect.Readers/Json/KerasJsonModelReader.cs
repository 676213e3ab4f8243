using KerasInspect.Core;
using KerasInspect.Core.Config;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Json;

/// <summary>
/// Reads a Keras model config written as JSON: a <c>model.to_json()</c> file, an architecture file saved beside
/// weights, or the <c>model_config</c> attribute of an HDF5 file.
/// </summary>
public static class KerasJsonModelReader
{
    /// <summary>Largest JSON file read; Keras configs of thousands of layers are a few MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <exception cref="ModelFormatException">The file is not JSON or not a Keras model config.</exception>
    public static KerasModelConfig ReadFile(string path) => FromJson(ReadText(path), path);

    /// <summary>The text of a JSON file, refused above <see cref="MaxFileBytes"/>.</summary>
    public static string ReadText(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new ModelFormatException($"the JSON file is {length} bytes, over the limit of {MaxFileBytes}", new SourceLocation(path));
        }

        return File.ReadAllText(path);
    }

    /// <summary>Reads the JSON text of a model config; <paramref name="kerasVersion"/> is used when the JSON carries none.</summary>
    public static KerasModelConfig FromJson(string json, string file, string? kerasVersion = null) =>
        FromConfig(JsonConfigLoader.Parse(json, file), file, kerasVersion);

    /// <summary>Reads an already parsed model config.</summary>
    public static KerasModelConfig FromConfig(ConfigValue root, string file, string? kerasVersion = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (TwiceEncodedJson.Inner(root, file) is { } inner)
        {
            var config = FromConfig(inner, file, kerasVersion);
            return config with { Findings = [Findings.TwiceEncodedJson(file), .. config.Findings] };
        }

        if (root.Kind == ConfigKind.Object && root["modelTopology"] is not null)
        {
            throw new ModelFormatException("a TensorFlow.js model.json, not an architecture file: inspect it on its own, without --config", new SourceLocation(file, root.Path));
        }

        if (root.Kind != ConfigKind.Object || root["class_name"] is null)
        {
            throw new ModelFormatException("the JSON is not an object with 'class_name' and 'config': not a Keras model config", new SourceLocation(file, root.Path));
        }

        var version = root["keras_version"]?.AsString() ?? kerasVersion;
        var writer = KerasWriters.FromVersion(version);
        return new KerasModelConfig(new KerasConfigMapper(file, writer).Model(root), version, root["backend"]?.AsString());
    }
}
