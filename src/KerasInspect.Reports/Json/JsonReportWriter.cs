using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Shapes;
using Newtonsoft.Json;

namespace KerasInspect.Reports.Json;

/// <summary>
/// Writes reports in the stable JSON contract documented in the README: camelCase keys in a fixed order, every key
/// always present (null when unknown), so scripts can rely on the shape.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Name => "json";

    public void Write(ReportSet run, TextWriter output, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        Write(run.Reports, output, run.Summary);
    }

    /// <param name="summary">The run's outcome, written as a top-level <c>summary</c>; none for <c>calc</c>.</param>
    public static void Write(IReadOnlyList<FileReport> reports, TextWriter output, RunSummary? summary = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("files");
        json.WriteStartArray();
        foreach (var report in reports)
        {
            File(json, report);
        }

        json.WriteEndArray();
        if (summary is not null)
        {
            json.WritePropertyName("summary");
            json.WriteStartObject();
            Property(json, "files", summary.Files);
            Property(json, "failing", summary.Failing);
            Property(json, "unreadable", summary.Unreadable);
            Property(json, "expectedParams", summary.ExpectedParams);
            Property(json, "storedParams", summary.StoredParams);
            Property(json, "failOn", summary.FailOn);
            Property(json, "exitCode", summary.ExitCode);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    private static void File(JsonTextWriter json, FileReport report)
    {
        json.WriteStartObject();
        Property(json, "path", report.Path);
        Property(json, "format", report.Format);
        Property(json, "kerasVersion", report.KerasVersion);
        Property(json, "model", report.Model);
        Property(json, "verdict", ReportText.FileVerdict(report));
        json.WritePropertyName("error");
        if (report.Error is { } error)
        {
            json.WriteStartObject();
            Property(json, "code", error.Code);
            Property(json, "message", error.Message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        Layers(json, report.Layers);
        json.WritePropertyName("totals");
        json.WriteStartObject();
        Property(json, "expectedParams", report.ExpectedParams);
        Property(json, "storedParams", report.StoredParams);
        Property(json, "trainableParams", report.TrainableParams);
        Property(json, "nonTrainableParams", report.NonTrainableParams);
        Property(json, "optimizerTensors", report.OptimizerTensors);
        Property(json, "layers", report.Layers.Count);
        Property(json, "unverifiedLayers", report.UnverifiedLayers);
        Property(json, "unsafeFindings", report.UnsafeFindings);
        json.WriteEndObject();
        json.WritePropertyName("findings");
        json.WriteStartArray();
        foreach (var finding in report.Findings)
        {
            Finding(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Layers(JsonTextWriter json, IReadOnlyList<LayerReport> layers)
    {
        json.WritePropertyName("layers");
        json.WriteStartArray();
        foreach (var layer in layers)
        {
            var expected = layer.Expected;
            json.WriteStartObject();
            Property(json, "name", layer.Name);
            Property(json, "className", layer.ClassName);
            json.WritePropertyName("inputShape");
            Shapes(json, expected?.InputShapes ?? []);
            json.WritePropertyName("outputShape");
            Shapes(json, expected?.OutputShapes ?? []);
            Property(json, "expectedParams", expected?.ExpectedParams);
            Property(json, "storedParams", layer.StoredParams);
            Property(json, "trainableParams", expected?.TrainableParams);
            Property(json, "nonTrainableParams", expected?.NonTrainableParams);
            Property(json, "derivation", expected?.Derivation);
            Property(json, "verdict", ReportText.Verdict(layer.Verdict));
            json.WritePropertyName("tensors");
            json.WriteStartArray();
            foreach (var tensor in layer.Tensors)
            {
                Tensor(json, tensor);
            }

            json.WriteEndArray();
            if (layer.Children.Count > 0)
            {
                Layers(json, layer.Children);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Tensor(JsonTextWriter json, TensorCheck tensor)
    {
        json.WriteStartObject();
        Property(json, "name", tensor.Name);
        json.WritePropertyName("expectedShape");
        Dimensions(json, tensor.ExpectedShape);
        Property(json, "trainable", tensor.Trainable);
        json.WritePropertyName("storedShape");
        Dimensions(json, tensor.StoredShape);
        Property(json, "storedPath", tensor.StoredPath);
        Property(json, "verdict", ReportText.Verdict(tensor.Verdict));
        Property(json, "hint", tensor.Hint);
        json.WriteEndObject();
    }

    private static void Dimensions(JsonTextWriter json, IReadOnlyList<long>? dims) =>
        Numbers(json, dims?.Select(d => (long?)d));

    private static void Finding(JsonTextWriter json, Diagnostic finding)
    {
        json.WriteStartObject();
        Property(json, "severity", ReportText.Severity(finding.Severity));
        Property(json, "code", finding.Code);
        Property(json, "message", finding.Message);
        Property(json, "layer", finding.Layer);
        json.WriteEndObject();
    }

    /// <summary>One shape as <c>[null, 64]</c>; several (a merge layer's inputs, an RNN's states) as a list of them; unknown as null.</summary>
    private static void Shapes(JsonTextWriter json, IReadOnlyList<Shape?> shapes)
    {
        if (shapes.Count == 1)
        {
            Shape(json, shapes[0]);
            return;
        }

        if (shapes.Count == 0)
        {
            json.WriteNull();
            return;
        }

        json.WriteStartArray();
        foreach (var shape in shapes)
        {
            Shape(json, shape);
        }

        json.WriteEndArray();
    }

    private static void Shape(JsonTextWriter json, Shape? shape) => Numbers(json, shape?.Dimensions);

    /// <summary>A list of numbers (null entries for unknown dimensions), or null for no list at all.</summary>
    private static void Numbers(JsonTextWriter json, IEnumerable<long?>? values)
    {
        if (values is null)
        {
            json.WriteNull();
            return;
        }

        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
