namespace KerasInspect.Core.Diagnostics;

/// <summary>A finding that lets the audit go on: a stable code, one sentence, the layer it concerns and where in the input.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, string? Layer, string? ConfigPath);
