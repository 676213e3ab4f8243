using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Core.Audit;

/// <summary>
/// What makes a run fail: findings at or above a severity (<c>--fail-on</c>), and parameter budgets per model and per
/// layer (<c>--max-params</c>, <c>--max-layer-params</c>), which add findings of severity mismatch.
/// </summary>
public sealed record AuditPolicy(DiagnosticSeverity? FailAt = DiagnosticSeverity.Mismatch, long? MaxParams = null, long? MaxLayerParams = null)
{
    public static AuditPolicy Default { get; } = new();

    /// <summary>The report with a finding for every budget it exceeds. Budgets count stored parameters when weights were read.</summary>
    public FileReport Apply(FileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Error is not null || (MaxParams is null && MaxLayerParams is null))
        {
            return report;
        }

        var findings = report.Findings.ToList();
        var total = report.StoredParams ?? report.ExpectedParams;
        if (MaxParams is { } maxTotal && total > maxTotal)
        {
            findings.Add(Findings.ModelOverBudget(total, maxTotal));
        }

        if (MaxLayerParams is { } maxLayer)
        {
            foreach (var layer in report.Layers)
            {
                if ((layer.StoredParams ?? layer.Expected?.ExpectedParams) is { } count && count > maxLayer)
                {
                    findings.Add(Findings.LayerOverBudget(layer.Name, count, maxLayer));
                }
            }
        }

        return report with { Findings = findings };
    }

    /// <summary>True when the report has something at or above the failure threshold.</summary>
    public bool Fails(FileReport report) =>
        FailAt is { } threshold && report.WorstSeverity is { } worst && worst >= threshold;
}
