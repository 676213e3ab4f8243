using KerasInspect.Core.Audit;

namespace KerasInspect.Reports;

/// <summary>What a writer writes: the reports of a run, in input order, and the run's outcome (none for <c>calc</c>).</summary>
public sealed record ReportSet(IReadOnlyList<FileReport> Reports, RunSummary? Summary = null);
