using System.Text;
using System.Text.RegularExpressions;

namespace KerasInspect.Readers;

/// <summary>
/// Turns the command line's inputs into the sorted list of files to audit: files as given, directories searched
/// recursively for model files (recognised by content, not by extension), and glob patterns (<c>*</c>, <c>?</c>, <c>**</c>).
/// An input that matches nothing is returned as missing, so the run can report it.
/// </summary>
public static class InputFinder
{
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
            else if (FormatDetector.IsSavedModel(input))
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
    public static bool IsModelFile(string path) => FormatDetector.IsModelFile(path);

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
