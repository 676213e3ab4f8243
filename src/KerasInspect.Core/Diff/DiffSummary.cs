namespace KerasInspect.Core.Diff;

/// <summary>The outcome of a whole diff run (one pair of files, or two folders), as every report ends it.</summary>
public sealed record DiffSummary(int Models, int Changed, int Unchanged, int Added, int Removed, int Unreadable, int Failing, string FailOn, string? MaxGrowth, int ExitCode)
{
    public static DiffSummary Of(IReadOnlyList<ModelDiff> models, string failOn, string? maxGrowth, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new DiffSummary(
            models.Count,
            models.Count(m => m.Status == "changed"),
            models.Count(m => m.Status == "unchanged"),
            models.Count(m => m.Status == "added"),
            models.Count(m => m.Status == "removed"),
            models.Count(m => m.Status == "error"),
            models.Count(m => m.Failures.Count > 0),
            failOn,
            maxGrowth,
            exitCode);
    }
}
