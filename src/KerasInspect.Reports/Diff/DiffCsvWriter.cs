using System.Globalization;
using CsvHelper;
using KerasInspect.Core.Diff;
using KerasInspect.Reports.Csv;

namespace KerasInspect.Reports.Diff;

/// <summary>
/// One row per layer pair, fixed columns, the inspect CSV's quoting and formula escaping (counts are written as numbers,
/// so a negative delta is not escaped as if it were a formula). A model only one side has is
/// one row with pairing <c>model-added</c> or <c>model-removed</c>; an unreadable one is one row with pairing
/// <c>error</c> and the message in <c>detail</c>.
/// </summary>
public static class DiffCsvWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "old_file", "new_file", "pairing", "changed", "old_layer", "new_layer", "old_class", "new_class", "config_changes",
        "old_output_shape", "new_output_shape", "old_expected_params", "new_expected_params", "expected_delta",
        "old_stored_params", "new_stored_params", "stored_delta", "old_trainable_params", "new_trainable_params",
        "old_non_trainable_params", "new_non_trainable_params", "frozen_params", "old_verdict", "new_verdict",
        "old_inbound", "new_inbound", "detail",
    ];

    public static void Write(IReadOnlyList<ModelDiff> models, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(models);
        using var csv = CsvWriter.Create(output, CsvReportWriter.Options(), leaveOpen: true);
        CsvReportWriter.WriteRecord(csv, Columns);
        foreach (var model in models)
        {
            var old = model.OldPath ?? "";
            var @new = model.NewPath ?? "";
            if (model.Status is "error" or "added" or "removed")
            {
                var pairing = model.Status is "error" ? "error" : "model-" + model.Status;
                var detail = string.Join("; ", new[] { model.Old?.Error?.Message, model.New?.Error?.Message }.OfType<string>());
                WriteRecord(csv, [old, @new, pairing, "true", .. Enumerable.Repeat<object?>(null, Columns.Count - 5), detail]);
                continue;
            }

            foreach (var layer in model.Layers)
            {
                WriteRecord(csv,
                [
                    old, @new, DiffText.Pairing(layer.Pairing), layer.IsChanged ? "true" : "false",
                    layer.Old?.Name ?? "", layer.New?.Name ?? "", layer.Old?.ClassName ?? "", layer.New?.ClassName ?? "",
                    DiffText.Config(layer.ConfigChanges),
                    ReportText.Shapes(layer.Old?.OutputShapes), ReportText.Shapes(layer.New?.OutputShapes),
                    (layer.Old?.ExpectedParams), (layer.New?.ExpectedParams), (layer.ExpectedDelta),
                    (layer.Old?.StoredParams), (layer.New?.StoredParams), (layer.StoredDelta),
                    (layer.Old?.TrainableParams), (layer.New?.TrainableParams),
                    (layer.Old?.NonTrainableParams), (layer.New?.NonTrainableParams),
                    (layer.FrozenParams),
                    layer.Old is null ? "" : ReportText.Verdict(layer.Old.Verdict), layer.New is null ? "" : ReportText.Verdict(layer.New.Verdict),
                    layer.Old is null ? "" : string.Join(" ", layer.Old.Inbound), layer.New is null ? "" : string.Join(" ", layer.New.Inbound),
                    DiffText.Notes(layer),
                ]);
            }
        }

        csv.Flush();
    }

    /// <summary>Strings through the injection escaping; counts as numbers; null as an empty cell.</summary>
    private static void WriteRecord(CsvWriter csv, IEnumerable<object?> fields)
    {
        foreach (var field in fields)
        {
            if (field is long count)
            {
                csv.WriteField(count, "", CultureInfo.InvariantCulture);
            }
            else
            {
                csv.WriteField(field as string ?? "");
            }
        }

        csv.EndRecord();
    }
}
