using KerasInspect.Core.Audit;
using KerasInspect.Core.Config;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Diff;

/// <summary>
/// What the diff compares of one top-level layer of an audited file: the report's row plus, from its analysis, the
/// config, the layers it is called on and its output shapes. A layer the file stores but no config describes has no
/// <see cref="Spec"/>; its counts are then the stored ones only.
/// </summary>
public sealed record LayerFacts(string Name, string ClassName, int Position)
{
    public LayerSpec? Spec { get; init; }

    /// <summary>The layers whose outputs this layer is called on, in call order; empty for an input and when unknown.</summary>
    public IReadOnlyList<string> Inbound { get; init; } = [];

    public IReadOnlyList<Shape?> OutputShapes { get; init; } = [];

    /// <summary>The shapes of the tensors the config implies, in the rule's order; null when the layer is unverified.</summary>
    public IReadOnlyList<IReadOnlyList<long>>? TensorShapes { get; init; }

    public long? ExpectedParams { get; init; }

    public long? StoredParams { get; init; }

    public long? TrainableParams { get; init; }

    public long? NonTrainableParams { get; init; }

    public Verdict Verdict { get; init; }

    public bool IsInput => ClassName == "InputLayer";

    public ConfigValue? Config => Spec?.Config;

    /// <summary>
    /// The rows of a report in order, each nested model followed by its own layers, named <c>outer/inner</c>. A
    /// Sequential model's layers are each called on the one before (its input layer aside).
    /// </summary>
    public static IReadOnlyList<LayerFacts> Of(FileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = new List<LayerFacts>(report.Layers.Count);
        Add(report.Layers, "", facts);
        return facts;
    }

    private static void Add(IReadOnlyList<LayerReport> rows, string prefix, List<LayerFacts> facts)
    {
        var functional = rows.Any(l => l.Expected?.Layer.Calls.Count > 0);
        string? previous = null;
        foreach (var row in rows)
        {
            var spec = row.Expected?.Layer;
            IReadOnlyList<string> inbound = spec is null ? []
                : functional ? [.. spec.Calls.SelectMany(c => c.Inputs).Select(t => prefix + t.Layer).Distinct(StringComparer.Ordinal)]
                : previous is null ? [] : [previous];
            if (spec is not null && !functional && row.ClassName != "InputLayer")
            {
                previous = prefix + row.Name;
            }

            facts.Add(new LayerFacts(prefix + row.Name, row.ClassName, facts.Count)
            {
                Spec = spec,
                Inbound = inbound,
                OutputShapes = row.Expected?.OutputShapes ?? [],
                TensorShapes = row.Children.Count > 0 ? null : row.Expected?.Tensors?.Select(t => t.Shape).ToList(),
                ExpectedParams = row.Expected?.ExpectedParams,
                StoredParams = row.StoredParams,
                TrainableParams = row.Expected?.TrainableParams,
                NonTrainableParams = row.Expected?.NonTrainableParams,
                Verdict = row.Verdict,
            });
            Add(row.Children, prefix + row.Name + "/", facts);
        }
    }
}
