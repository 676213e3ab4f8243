namespace KerasInspect.Core.Audit;

/// <summary>The outcome of a whole run over many inputs, as reports print it at the end.</summary>
public sealed record RunSummary(int Files, int Unreadable, int Failing, long ExpectedParams, long StoredParams, string FailOn, int ExitCode)
{
    public static RunSummary Of(IReadOnlyList<FileReport> reports, AuditPolicy policy, string failOn, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(policy);
        return new RunSummary(
            reports.Count,
            reports.Count(r => r.Error is not null),
            reports.Count(r => r.Error is null && policy.Fails(r)),
            reports.Aggregate(0L, (sum, r) => checked(sum + r.ExpectedParams)),
            reports.Aggregate(0L, (sum, r) => checked(sum + (r.StoredParams ?? 0))),
            failOn,
            exitCode);
    }
}
