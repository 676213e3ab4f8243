using KerasInspect.Core.Analysis;

namespace KerasInspect.Core.Audit;

/// <summary>One row of a report: what the config implies for a layer and the verdict; nested models carry their own rows.</summary>
public sealed record LayerReport(LayerAnalysis Expected, Verdict Verdict, IReadOnlyList<LayerReport> Children);
