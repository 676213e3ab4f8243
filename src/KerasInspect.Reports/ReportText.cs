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

    /// <summary>One word for a whole file: error, mismatch, missing, unexpected, unverified, match or no-weights.</summary>
    public static string FileVerdict(FileReport report) => report.Error is not null ? "error"
        : report.Layers.Select(l => l.Verdict).OrderBy(Rank).FirstOrDefault() switch
        {
            Core.Audit.Verdict.NoWeights => "no-weights",
            var worst => worst.ToString().ToLowerInvariant(),
        };

    /// <summary>The run's one-line outcome after several files; the terminal's omits the --fail-on level.</summary>
    public static string RunSummary(RunSummary summary, bool namesFailOn) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{summary.Files} files: {summary.Files - summary.Failing - summary.Unreadable} clean, {summary.Failing} failing{(namesFailOn ? $" --fail-on {summary.FailOn}" : "")}, {summary.Unreadable} unreadable");

    private static int Rank(Verdict verdict) => verdict switch
    {
        Core.Audit.Verdict.Mismatch => 0,
        Core.Audit.Verdict.Missing => 1,
        Core.Audit.Verdict.Unexpected => 2,
        Core.Audit.Verdict.Unverified => 3,
        Core.Audit.Verdict.Match => 4,
        _ => 5,
    };

    public static string Finding(Diagnostic finding) =>
        $"{finding.Code} {Severity(finding.Severity)}: " + (finding.Layer is null ? "" : $"{finding.Layer}: ") + finding.Message;
}
