using System.Globalization;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Reports;

/// <summary>How every writer spells verdicts, shapes, counts and findings, so the formats agree with each other.</summary>
internal static class ReportText
{
    public static string Verdict(Verdict verdict) =>
        verdict == Core.Audit.Verdict.NoWeights ? "no-weights" : verdict.ToString().ToLowerInvariant();

    /// <summary>Keras' notation, several shapes separated by a space, <c>?</c> for an unknown one.</summary>
    public static string Shapes(IReadOnlyList<Shape?>? shapes) =>
        shapes is null || shapes.Count == 0 ? "" : string.Join(" ", shapes.Select(s => s?.ToString() ?? "?"));

    /// <summary>A count with thousands separators, or <c>?</c> when unknown.</summary>
    public static string Count(long? count) => count?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";

    public static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Finding(Diagnostic finding) =>
        $"{finding.Code} {Severity(finding.Severity)}: " + (finding.Layer is null ? "" : $"{finding.Layer}: ") + finding.Message;
}
