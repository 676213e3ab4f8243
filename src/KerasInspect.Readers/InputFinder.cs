using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace KerasInspect.Readers;

/// <summary>
/// Turns the command line's inputs into the sorted list of files to audit: files as given, directories searched
/// recursively for model files (recognised by content, not by extension), and glob patterns (<c>*</c>, <c>?</c>, <c>**</c>).
/// An input that matches nothing is returned as missing, so the run can report it.
/// </summary>
public static class InputFinder
{
    private const int JsonSniffBytes = 64 * 1024 * 1024;

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                files.UnionWith(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(IsModelFile));
            }
            else if (input.IndexOfAny(['*', '?']) >= 0 && Glob(input) is { Count: > 0 } matches)
            {
                files.UnionWith(matches);
            }
            else
            {
                missing.Add(input);
            }
        }

        return ([.. files], missing);
    }

    /// <summary>True for an HDF5 file, a zip holding a Keras config or weights, or JSON whose top level is a Keras model or a TF.js model.</summary>
    public static bool IsModelFile(string path)
    {
        try
        {
            return FormatDetector.Detect(path) switch
            {
                FileKind.Hdf5 => true,
                FileKind.Zip => IsKerasArchive(path),
                FileKind.Json => IsModelJson(path),
                _ => false,
            };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            return false;
        }
    }

    private static bool IsKerasArchive(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Any(e => e.FullName is "config.json" or "model.weights.h5");
    }

    /// <summary>Reads only the top-level keys: <c>class_name</c> and <c>config</c> (a Keras config) or <c>modelTopology</c> (TF.js).</summary>
    private static bool IsModelJson(string path)
    {
        if (new FileInfo(path).Length > JsonSniffBytes)
        {
            return false;
        }

        using var file = new StreamReader(path, Encoding.UTF8);
        return IsModelJson(file, twiceEncodedAllowed: true);
    }

    /// <summary>The top level, or for a twice-encoded file (one JSON string holding the JSON) the top level inside it.</summary>
    private static bool IsModelJson(TextReader text, bool twiceEncodedAllowed)
    {
        using var reader = new JsonTextReader(text) { MaxDepth = 256 };
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonToken.String && twiceEncodedAllowed)
        {
            return IsModelJson(new StringReader((string)reader.Value!), twiceEncodedAllowed: false);
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            return false;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            keys.Add((string)reader.Value!);
            reader.Read();
            reader.Skip();
        }

        return (keys.Contains("class_name") && keys.Contains("config")) || keys.Contains("modelTopology");
    }

    private static List<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : normalized[..Math.Max(1, slash)];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = new Regex("^" + ToRegex(normalized) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => slash < 0 && f.StartsWith("./", StringComparison.Ordinal) ? f[2..] : f)
            .Where(f => regex.IsMatch(f.Replace('\\', '/')))];
    }

    /// <summary><c>**/</c> any directories (or none), <c>**</c> anything, <c>*</c> anything but a slash, <c>?</c> one such character.</summary>
    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else
            {
                regex.Append(glob[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
