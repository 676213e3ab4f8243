using KerasInspect.Tests;

namespace KerasInspect.Reports.Tests;

/// <summary>
/// Compares writer output with testdata/golden/NAME, line endings normalised. With KERASINSPECT_UPDATE_GOLDEN=1 (never in
/// CI) it rewrites the file instead, for a person to review in the diff.
/// </summary>
internal static class Golden
{
    public static void Assert(string name, string actual)
    {
        var path = TestPaths.InTestData("golden", name);
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("KERASINSPECT_UPDATE_GOLDEN") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(path, normalised);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"golden file {path} is missing; create it with KERASINSPECT_UPDATE_GOLDEN=1 and review it");
        Xunit.Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), normalised);
    }
}
