namespace KerasInspect.Tests;

/// <summary>A fact over a folder of the shared corpus (<c>real</c> unless named) that is skipped, naming the missing folder, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string corpus = "real")
    {
        var folder = TestPaths.Corpus(corpus);
        if (!Directory.Exists(folder))
        {
            Skip = $"shared corpus not found at {folder}";
        }
    }
}
