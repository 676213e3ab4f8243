namespace KerasInspect.Core.Diagnostics;

/// <summary>How much a finding matters, lowest first; <c>--fail-on</c> thresholds compare against this order.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Unverified,
    Mismatch,
    Unsafe,
}
