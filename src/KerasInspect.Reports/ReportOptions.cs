namespace KerasInspect.Reports;

/// <summary>How to write: <see cref="Explain"/> adds each layer's derivation; <see cref="Rich"/> means a terminal that takes colour.</summary>
public sealed record ReportOptions(bool Explain = false, bool Rich = false);
