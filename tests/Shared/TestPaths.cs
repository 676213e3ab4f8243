namespace KerasInspect.Tests;

/// <summary>Where the repository's test data and the shared corpus are, found from the test assembly's location.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TestData { get; } = Path.Combine(RepoRoot, "testdata");

    /// <summary><c>../shared</c> beside the repository: read-only, present in CI, absent on some machines.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string RealCorpus { get; } = Path.Combine(Shared, "corpus", "real");

    public static bool HasRealCorpus => Directory.Exists(RealCorpus);

    /// <summary>A folder of the shared corpus by name: <c>real</c>, <c>real2</c> (files the tool once misread), <c>tfjs</c>.</summary>
    public static string Corpus(string name) => Path.Combine(Shared, "corpus", name);

    public static string InTestData(params string[] parts) => Path.Combine([TestData, .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KerasInspect.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KerasInspect.sln not found above {AppContext.BaseDirectory}");
    }
}
