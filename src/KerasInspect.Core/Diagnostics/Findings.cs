using System.Globalization;

namespace KerasInspect.Core.Diagnostics;

/// <summary>Every finding KerasInspect reports, one factory each; the codes are stable and listed in the README.</summary>
public static class Findings
{
    public static Diagnostic NoRule(string layer, string className, string? path) => new(
        DiagnosticSeverity.Unverified, "KI1001",
        $"no parameter rule for class '{className}': the layer's parameters are not verified", layer, path);

    public static Diagnostic InputShapeUnknown(string layer, string reason, string? path) => new(
        DiagnosticSeverity.Unverified, "KI1002",
        $"the input shape could not be inferred ({reason}); the layer's parameters are not verified", layer, path);

    public static Diagnostic InvalidConfig(string layer, string message, string? path) => new(
        DiagnosticSeverity.Warning, "KI1003", message, layer, path);

    public static Diagnostic CountOverflow(string layer, string? path) => new(
        DiagnosticSeverity.Warning, "KI1004",
        "the parameter count does not fit in 64 bits: the config's dimensions are absurd", layer, path);

    public static Diagnostic GraphProblem(string? layer, string message, string? path) => new(
        DiagnosticSeverity.Warning, "KI1005", message, layer, path);

    public static Diagnostic DefaultAssumed(string layer, string key, string value, string writer, string? path) => new(
        DiagnosticSeverity.Info, "KI1006",
        string.Create(CultureInfo.InvariantCulture, $"'{key}' is not in the config; assumed {value}, the default of {writer}"), layer, path);
}
