using System.Text;
using KerasInspect.Core;
using KerasInspect.Core.Reading;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Keras3;
using Newtonsoft.Json;

namespace KerasInspect.Readers;

/// <summary>
/// The one place that decides what an input is, by content rather than by name: the first bytes (the HDF5 signature
/// at 0 or after a user block, a zip header, JSON), then the zip's member names or the JSON's top-level keys, and for
/// HDF5 the layout of its groups. A directory holding <c>saved_model.pb</c> is a SavedModel.
/// </summary>
public static class FormatDetector
{
    private const int ProbeBytes = 4096;
    private const int JsonSniffBytes = 64 * 1024 * 1024;
    private const string SavedModelFile = "saved_model.pb";

    /// <summary>The reader's format for an input: what <see cref="IsModelFile"/> would not recognise is still handed to the reader its first bytes point to, so its message says what is wrong.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ModelFormat Identify(string path)
    {
        if (IsSavedModel(path))
        {
            return ModelFormat.SavedModel;
        }

        return Detect(path) switch
        {
            FileKind.Hdf5 => ModelFormat.KerasH5,
            FileKind.Zip => ModelFormat.KerasArchive,
            FileKind.Json => HasTopLevelKey(path, "modelTopology", maxBytes: long.MaxValue) ? ModelFormat.TfjsLayers : ModelFormat.KerasJson,
            _ => ModelFormat.Unknown,
        };
    }

    /// <summary>An HDF5 file's format once its snapshot is read: a Keras 3 weights store, or the <c>layer_names</c> layout of every other Keras HDF5 file.</summary>
    public static ModelFormat Identify(H5Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var weightsRoot = snapshot.Root.Child("model_weights") as H5Group ?? snapshot.Root;
        var legacy = weightsRoot.Attribute("layer_names") is not null || weightsRoot.Attribute("layer_names0") is not null;
        return !legacy && Keras3WeightsMapper.IsWeightsStore(snapshot) ? ModelFormat.Keras3WeightsH5 : ModelFormat.KerasH5;
    }

    /// <summary>
    /// Whether a file found while searching a folder is a model: any HDF5 file, a zip holding a Keras config or weights,
    /// or JSON whose top level is a Keras model (<c>class_name</c> and <c>config</c>) or a TF.js model (<c>modelTopology</c>).
    /// </summary>
    public static bool IsModelFile(string path)
    {
        try
        {
            return Detect(path) switch
            {
                FileKind.Hdf5 => true,
                FileKind.Zip => ZipDirectory.Read(path).Entries.Any(e => e.Name is "config.json" or "model.weights.h5"),
                FileKind.Json => IsModelJson(path),
                _ => false,
            };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or KerasInspectException)
        {
            return false;
        }
    }

    /// <summary>A directory holding <c>saved_model.pb</c>, or that file itself.</summary>
    public static bool IsSavedModel(string path) =>
        Directory.Exists(path) ? File.Exists(Path.Combine(path, SavedModelFile))
            : string.Equals(Path.GetFileName(path), SavedModelFile, StringComparison.Ordinal);

    public static FileKind Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var head = new byte[(int)Math.Min(ProbeBytes, stream.Length)];
        stream.ReadExactly(head);
        return Detect(head);
    }

    internal static FileKind Detect(ReadOnlySpan<byte> head)
    {
        // The HDF5 signature is at 0, or after a user block at 512, 1024, 2048, … (only the first few are probed here).
        for (var offset = 0; offset + 8 <= head.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            if (head[offset..].StartsWith(H5File.Signature))
            {
                return FileKind.Hdf5;
            }
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return FileKind.Zip;
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        var first = text.TrimStart(" \t\r\n"u8);
        // a string: a twice-encoded architecture file (TwiceEncodedJson)
        if (!first.IsEmpty && first[0] is (byte)'{' or (byte)'[' or (byte)'"')
        {
            return FileKind.Json;
        }

        return FileKind.Unknown;
    }

    private static bool IsModelJson(string path)
    {
        var keys = TopLevelKeys(path, JsonSniffBytes);
        return (keys.Contains("class_name") && keys.Contains("config")) || keys.Contains("modelTopology");
    }

    /// <summary>For reading, JSON that cannot be sniffed goes to the Keras JSON reader, whose parser names the fault.</summary>
    private static bool HasTopLevelKey(string path, string key, long maxBytes)
    {
        try
        {
            return TopLevelKeys(path, maxBytes).Contains(key);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads only the top-level keys, skipping their values; for a twice-encoded file (one JSON string holding the JSON,
    /// <see cref="Json.TwiceEncodedJson"/>) the top-level keys of the JSON inside.
    /// </summary>
    private static HashSet<string> TopLevelKeys(string path, long maxBytes)
    {
        if (new FileInfo(path).Length > maxBytes)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        using var file = new StreamReader(path, Encoding.UTF8);
        return TopLevelKeys(file, twiceEncodedAllowed: true);
    }

    private static HashSet<string> TopLevelKeys(TextReader text, bool twiceEncodedAllowed)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new JsonTextReader(text) { MaxDepth = 256 };
        if (!reader.Read())
        {
            return keys;
        }

        if (reader.TokenType == JsonToken.String && twiceEncodedAllowed)
        {
            return TopLevelKeys(new StringReader((string)reader.Value!), twiceEncodedAllowed: false);
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            return keys;
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            keys.Add((string)reader.Value!);
            reader.Read();
            reader.Skip();
        }

        return keys;
    }
}
