using KerasInspect.Core.Audit;

namespace KerasInspect.Core.Diff;

/// <summary>
/// What makes a diff fail: NEW's own audit findings at or above <see cref="New"/>'s threshold (the <c>--fail-on</c>
/// levels of <c>inspect</c>), an unsafe finding that NEW adds (<c>--fail-on unsafe-added</c>), and growth beyond
/// <see cref="MaxGrowth"/>.
/// </summary>
public sealed record DiffPolicy(AuditPolicy New, bool FailOnUnsafeAdded = false, GrowthLimit? MaxGrowth = null)
{
    public static DiffPolicy Default { get; } = new(AuditPolicy.Default);

    /// <summary>The diff with its <see cref="ModelDiff.Failures"/>.</summary>
    public ModelDiff Apply(ModelDiff diff) => diff with { Failures = Failures(diff) };

    /// <summary>Every reason the model fails, in the order a reviewer should read them; empty when it passes.</summary>
    public IReadOnlyList<string> Failures(ModelDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var reasons = new List<string>();
        if (!diff.Readable)
        {
            return reasons;
        }

        if (FailOnUnsafeAdded)
        {
            reasons.AddRange(diff.UnsafeAdded.Select(f => $"--fail-on unsafe-added: {f.Code} {f.Layer ?? f.Message}"));
        }

        if (diff.New is { } report && New.Fails(report))
        {
            reasons.Add($"NEW has findings at or above --fail-on {Level(New)} (worst: {report.WorstSeverity!.Value.ToString().ToLowerInvariant()})");
        }

        if (MaxGrowth?.Exceeded(diff) is { } growth)
        {
            reasons.Add(growth);
        }

        return reasons;
    }

    private static string Level(AuditPolicy policy) => policy.FailAt?.ToString().ToLowerInvariant() ?? "none";
}
