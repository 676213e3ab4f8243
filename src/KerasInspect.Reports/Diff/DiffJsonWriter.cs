using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Diff;
using KerasInspect.Core.Shapes;
using Newtonsoft.Json;

namespace KerasInspect.Reports.Diff;

/// <summary>
/// Writes a diff in the stable JSON contract of docs/diff.md: camelCase keys in a fixed order, every key always present
/// (null when unknown), unsafe findings NEW adds before the totals.
/// </summary>
public static class DiffJsonWriter
{
    public const string Schema = "kerasinspect-diff/1";

    public static void Write(IReadOnlyList<ModelDiff> models, DiffSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(summary);
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        Property(json, "schema", Schema);
        json.WritePropertyName("models");
        json.WriteStartArray();
        foreach (var model in models)
        {
            Model(json, model);
        }

        json.WriteEndArray();
        json.WritePropertyName("summary");
        json.WriteStartObject();
        Property(json, "models", summary.Models);
        Property(json, "changed", summary.Changed);
        Property(json, "unchanged", summary.Unchanged);
        Property(json, "added", summary.Added);
        Property(json, "removed", summary.Removed);
        Property(json, "unreadable", summary.Unreadable);
        Property(json, "failing", summary.Failing);
        Property(json, "failOn", summary.FailOn);
        Property(json, "maxGrowth", summary.MaxGrowth);
        Property(json, "exitCode", summary.ExitCode);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    private static void Model(JsonTextWriter json, ModelDiff model)
    {
        json.WriteStartObject();
        Property(json, "status", model.Status);
        Findings(json, "unsafeAdded", model.UnsafeAdded);
        Findings(json, "unsafeRemoved", model.UnsafeRemoved);
        json.WritePropertyName("failures");
        json.WriteStartArray();
        foreach (var failure in model.Failures)
        {
            json.WriteValue(failure);
        }

        json.WriteEndArray();
        json.WritePropertyName("old");
        File(json, model.OldPath, model.Old, model.OldSize);
        json.WritePropertyName("new");
        File(json, model.NewPath, model.New, model.NewSize);
        json.WritePropertyName("totals");
        json.WriteStartObject();
        Property(json, "basis", model.Basis);
        Property(json, "oldParams", model.OldParams);
        Property(json, "newParams", model.NewParams);
        Property(json, "change", model.ParamsChange);
        Property(json, "relativeChange", model.RelativeChange);
        Property(json, "oldTrainableParams", model.Old?.Error is null ? model.Old?.TrainableParams : null);
        Property(json, "newTrainableParams", model.New?.Error is null ? model.New?.TrainableParams : null);
        Property(json, "oldNonTrainableParams", model.Old?.Error is null ? model.Old?.NonTrainableParams : null);
        Property(json, "newNonTrainableParams", model.New?.Error is null ? model.New?.NonTrainableParams : null);
        Property(json, "sizeChange", model.OldSize is { } o && model.NewSize is { } n ? n - o : null);
        Property(json, "layersChanged", model.Layers.Count(l => l.IsChanged && l.Pairing is PairingKind.Name or PairingKind.Inferred));
        Property(json, "layersAdded", model.Layers.Count(l => l.Pairing == PairingKind.Added));
        Property(json, "layersRemoved", model.Layers.Count(l => l.Pairing == PairingKind.Removed));
        Property(json, "layersInferred", model.Layers.Count(l => l.Pairing == PairingKind.Inferred));
        json.WriteEndObject();
        json.WritePropertyName("layers");
        json.WriteStartArray();
        foreach (var layer in model.Layers)
        {
            Layer(json, layer);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void File(JsonTextWriter json, string? path, FileReport? report, long? size)
    {
        if (path is null)
        {
            json.WriteNull();
            return;
        }

        json.WriteStartObject();
        Property(json, "path", path);
        Property(json, "format", report?.Format);
        Property(json, "kerasVersion", report?.KerasVersion);
        Property(json, "model", report?.Model);
        Property(json, "verdict", report is null ? null : ReportText.FileVerdict(report));
        Property(json, "size", size);
        Property(json, "expectedParams", report?.Error is null ? report?.ExpectedParams : null);
        Property(json, "storedParams", report?.StoredParams);
        Property(json, "unsafeFindings", report?.Error is null ? report?.UnsafeFindings : null);
        json.WritePropertyName("error");
        if (report?.Error is { } error)
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

        json.WriteEndObject();
    }

    private static void Layer(JsonTextWriter json, LayerDiff layer)
    {
        json.WriteStartObject();
        Property(json, "pairing", DiffText.Pairing(layer.Pairing));
        Property(json, "changed", layer.IsChanged);
        json.WritePropertyName("old");
        Side(json, layer.Old);
        json.WritePropertyName("new");
        Side(json, layer.New);
        Property(json, "classChanged", layer.ClassChanged);
        json.WritePropertyName("configChanges");
        json.WriteStartArray();
        foreach (var change in layer.ConfigChanges)
        {
            json.WriteStartObject();
            Property(json, "key", change.Key);
            Property(json, "old", change.Old);
            Property(json, "new", change.New);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Property(json, "outputShapeChanged", layer.OutputShapeChanged);
        Property(json, "expectedDelta", layer.ExpectedDelta);
        Property(json, "storedDelta", layer.StoredDelta);
        Property(json, "trainableDelta", layer.TrainableDelta);
        Property(json, "nonTrainableDelta", layer.NonTrainableDelta);
        Property(json, "frozenParams", layer.FrozenParams);
        Property(json, "verdictChanged", layer.VerdictChanged);
        Property(json, "inboundChanged", layer.InboundChanged);
        json.WritePropertyName("oldInboundInNewNames");
        Strings(json, layer.Old is null ? null : layer.OldInboundInNewNames);
        json.WriteEndObject();
    }

    private static void Side(JsonTextWriter json, LayerFacts? side)
    {
        if (side is null)
        {
            json.WriteNull();
            return;
        }

        json.WriteStartObject();
        Property(json, "name", side.Name);
        Property(json, "className", side.ClassName);
        json.WritePropertyName("outputShape");
        Shapes(json, side.OutputShapes);
        Property(json, "expectedParams", side.ExpectedParams);
        Property(json, "storedParams", side.StoredParams);
        Property(json, "trainableParams", side.TrainableParams);
        Property(json, "nonTrainableParams", side.NonTrainableParams);
        Property(json, "verdict", ReportText.Verdict(side.Verdict));
        json.WritePropertyName("inbound");
        Strings(json, side.Inbound);
        json.WriteEndObject();
    }

    private static void Findings(JsonTextWriter json, string name, IReadOnlyList<Diagnostic> findings)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            Property(json, "severity", ReportText.Severity(finding.Severity));
            Property(json, "code", finding.Code);
            Property(json, "message", finding.Message);
            Property(json, "layer", finding.Layer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(JsonTextWriter json, IReadOnlyList<string>? values)
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

    /// <summary>One shape as <c>[null, 64]</c>; several as a list of them; none as null (as in the inspect report).</summary>
    private static void Shapes(JsonTextWriter json, IReadOnlyList<Shape?> shapes)
    {
        if (shapes.Count == 0)
        {
            json.WriteNull();
            return;
        }

        if (shapes.Count > 1)
        {
            json.WriteStartArray();
        }

        foreach (var shape in shapes)
        {
            if (shape is null)
            {
                json.WriteNull();
                continue;
            }

            json.WriteStartArray();
            foreach (var dim in shape.Dimensions)
            {
                json.WriteValue(dim);
            }

            json.WriteEndArray();
        }

        if (shapes.Count > 1)
        {
            json.WriteEndArray();
        }
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
