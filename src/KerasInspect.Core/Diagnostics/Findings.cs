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

    public static Diagnostic InputWidthReadFromKernel(string layer, long width, string kernelPath, string kernelShape, string? path) => new(
        DiagnosticSeverity.Info, "KI1007",
        string.Create(CultureInfo.InvariantCulture, $"the input shape could not be inferred; its width, {width}, was read from the stored kernel {kernelPath} {kernelShape}, so the other dimensions are checked but not that one"), layer, path);

    public static Diagnostic RecordedInputShapeUsed(string layer, string shapes, string? path) => new(
        DiagnosticSeverity.Info, "KI1009",
        $"the input shape could not be inferred; the shape Keras recorded when it built the layer (build_config.input_shape {shapes}) is used instead", layer, path);

    public static Diagnostic TwiceEncodedJson(string file) => new(
        DiagnosticSeverity.Info, "KI1008",
        $"{file} is JSON encoded twice (one JSON string holding the model's JSON, as json.dump(model.to_json(), f) writes it); read as the JSON inside", null, null);

    public static Diagnostic ShapeMismatch(string layer, string tensor, string expected, string stored, string path, string? hint) => new(
        DiagnosticSeverity.Mismatch, "KI2001",
        $"{tensor}: expected shape {expected}, stored {stored} at {path}" + (hint is null ? "" : $"; {hint}"), layer, null);

    public static Diagnostic TensorMissing(string layer, string tensor, string expected) => new(
        DiagnosticSeverity.Mismatch, "KI2002", $"{tensor}: expected shape {expected}, not stored in the file", layer, null);

    public static Diagnostic TensorUnexpected(string layer, string path, string stored) => new(
        DiagnosticSeverity.Mismatch, "KI2003", $"{path} {stored} is stored but the config expects no such tensor", layer, null);

    public static Diagnostic LayerNotInConfig(string layer, int tensors) => new(
        DiagnosticSeverity.Mismatch, "KI2004",
        string.Create(CultureInfo.InvariantCulture, $"the file stores {tensors} tensor(s) for layer '{layer}', which the config does not have"), layer, null);

    public static Diagnostic NoConfig() => new(
        DiagnosticSeverity.Info, "KI2005",
        "no model config: the stored weights are listed and counted, but nothing can be verified (give one with --config)", null, null);

    public static Diagnostic WindowsGroupNames() => new(
        DiagnosticSeverity.Info, "KI2006",
        "the weights store names its groups with backslashes (layers\\conv1d): it was saved on Windows by tf.keras 2.13-2.15 (keras-team/keras#18528), and Keras on Linux or macOS cannot load it; read here as if each backslash were a '/'", null, null);

    public static Diagnostic ModelOverBudget(long count, long budget) => new(
        DiagnosticSeverity.Mismatch, "KI4001",
        string.Create(CultureInfo.InvariantCulture, $"the model has {count:N0} parameters, over the --max-params budget of {budget:N0}"), null, null);

    public static Diagnostic LayerOverBudget(string layer, long count, long budget) => new(
        DiagnosticSeverity.Mismatch, "KI4002",
        string.Create(CultureInfo.InvariantCulture, $"the layer has {count:N0} parameters, over the --max-layer-params budget of {budget:N0}"), layer, null);

    public static Diagnostic LambdaLayer(string layer, string? path) => new(
        DiagnosticSeverity.Unsafe, "KI6001",
        "a Lambda layer: its config carries serialized Python code, which Keras runs on load (never decoded or run here)", layer, path);

    public static Diagnostic CustomClass(string layer, string className, string? origin, string? path) => new(
        DiagnosticSeverity.Unsafe, "KI6002",
        $"class '{className}'{(origin is null ? "" : $" from '{origin}'")} is not a Keras built-in: loading the model runs code from outside Keras", layer, path);

    public static Diagnostic ArchiveMember(string member, string why) => new(
        DiagnosticSeverity.Unsafe, "KI6003", $"archive member '{member}': {why}", null, null);
}
