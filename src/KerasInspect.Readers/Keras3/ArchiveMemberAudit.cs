using System.Globalization;
using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// What a <c>.keras</c> archive holds besides the model: members a Keras archive has no reason to carry (pickles,
/// executables), names that climb out of the extraction folder, members listed twice (zip readers disagree on which one
/// counts), and compression ratios of a zip bomb. Each is an unsafe finding; nothing is extracted or run.
/// </summary>
internal static class ArchiveMemberAudit
{
    /// <summary>Above this ratio of uncompressed to compressed size, a member is treated as a zip bomb.</summary>
    public const long MaxCompressionRatio = 1000;

    private static readonly HashSet<string> ModelMembers = new(StringComparer.Ordinal) { "metadata.json", "config.json", "model.weights.h5" };
    private static readonly string[] PickleExtensions = [".pkl", ".pickle", ".npy", ".npz", ".joblib"];
    private static readonly string[] ExecutableExtensions = [".exe", ".dll", ".so", ".dylib", ".sh", ".bat", ".cmd", ".ps1", ".py", ".pyc", ".jar"];

    public static List<Diagnostic> Find(IReadOnlyList<ZipEntry> entries)
    {
        var findings = new List<Diagnostic>();
        foreach (var group in entries.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.Add(Core.Diagnostics.Findings.ArchiveMember(group.Key, string.Create(CultureInfo.InvariantCulture, $"listed {group.Count()} times, so zip readers disagree on which one is the model; the first is read")));
        }

        foreach (var entry in entries.DistinctBy(e => e.Name))
        {
            if (Why(entry) is { } why)
            {
                findings.Add(Core.Diagnostics.Findings.ArchiveMember(entry.Name, why));
            }
        }

        return findings;
    }

    public static bool IsBomb(ZipEntry entry) =>
        entry.Size > 1024 * 1024 && entry.Size / Math.Max(1, entry.CompressedSize) > MaxCompressionRatio;

    private static string? Why(ZipEntry entry)
    {
        var name = entry.Name.Replace('\\', '/');
        if (name.StartsWith('/') || name.Split('/').Contains("..") || (name.Length > 1 && name[1] == ':'))
        {
            return "its name leaves the archive's folder (path traversal)";
        }

        if (IsBomb(entry))
        {
            return string.Create(CultureInfo.InvariantCulture, $"compresses {entry.Size / Math.Max(1, entry.CompressedSize)}:1, the ratio of a zip bomb; it is not inflated");
        }

        if (PickleExtensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
        {
            return "may hold pickled Python objects, which run code when loaded; it is never unpickled";
        }

        if (ExecutableExtensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
        {
            return "is an executable or script, which a Keras archive has no reason to carry";
        }

        var expected = ModelMembers.Contains(name) || name.StartsWith("assets/", StringComparison.Ordinal)
            || name.EndsWith(".weights.json", StringComparison.Ordinal) || name.EndsWith(".weights.h5", StringComparison.Ordinal);
        return expected ? null : "is not part of a Keras archive";
    }
}
