namespace KerasInspect.Tests;

/// <summary>A theory over the shared corpus that is skipped, naming the missing folder, when <c>../shared/corpus/real</c> is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!TestPaths.HasRealCorpus)
        {
            Skip = $"shared corpus not found at {TestPaths.RealCorpus}";
        }
    }
}
