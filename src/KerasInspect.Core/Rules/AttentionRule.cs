using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Attention</c> (Luong) and <c>AdditiveAttention</c> (Bahdanau) on [query, value] or [query, value, key]. Attention
/// stores a scalar scale when <c>use_scale</c> (default false) and a scalar concat_score_weight when
/// <c>score_mode="concat"</c>; AdditiveAttention stores scale (dim) when <c>use_scale</c> (default true), dim = the query's
/// last dimension. Output: the query's shape with the value's last dimension.
/// </summary>
internal sealed class AttentionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Attention", "AdditiveAttention"];

    public LayerPlan Plan(LayerContext context)
    {
        if (context.Inputs.Count is < 2 or > 3)
        {
            throw context.Invalid($"{context.Layer.ClassName} takes [query, value] or [query, value, key], it has {context.Inputs.Count} input(s)", null);
        }

        var additive = context.Layer.ClassName == "AdditiveAttention";
        var query = context.Inputs[0];
        var value = context.Inputs[1];
        List<ExpectedTensor> tensors = [];
        if (additive)
        {
            if (context.Bool("use_scale", true))
            {
                var known = query ?? throw context.Unknown("the query's shape is unknown");
                tensors.Add(new("scale", [context.Features(known)]));
            }
        }
        else
        {
            if (context.Bool("use_scale", false))
            {
                tensors.Add(new("scale", []));
            }

            var mode = context.String("score_mode") ?? "dot";
            if (mode is not ("dot" or "concat"))
            {
                throw context.Invalid($"'score_mode' '{mode}' is not dot or concat", context.Value("score_mode")?.Path);
            }

            if (mode == "concat")
            {
                tensors.Add(new("concat_score_weight", []));
            }
        }

        var formula = tensors.Count == 0 ? "0" : string.Join(" + ", tensors.Select(t => Formula.N(t.Size)));
        var output = query is null || value is null ? null : query.WithLast(value.Last);
        return new LayerPlan([output], tensors, formula);
    }
}
