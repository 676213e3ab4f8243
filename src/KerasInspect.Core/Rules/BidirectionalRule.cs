using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Bidirectional</c>: a forward and a backward copy of the wrapped layer (or a custom <c>backward_layer</c>), both on the
/// same input. <c>merge_mode</c> concat joins the last axes, sum/mul/ave keep one, null keeps both outputs apart.
/// </summary>
internal sealed class BidirectionalRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Bidirectional"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["layer", "merge_mode"];

    public bool TakesSequence(string className) => true;

    /// <summary>The wrapped layer's, read off the forward direction's kernel.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        layer.Inner is { } inner && rules.Find(inner.ClassName)?.InputWidth(inner, rules) is { } source
            ? source with { Role = "kernel", Scope = "forward" }
            : null;

    public IReadOnlyList<string> SubLayers => ["forward_layer", "backward_layer"];

    public LayerPlan Plan(LayerContext context)
    {
        var forwardLayer = context.Layer.Inner ?? throw context.Invalid("Bidirectional has no wrapped 'layer'", null);
        var backwardLayer = context.Layer.Backward ?? forwardLayer;
        var forward = context.PlanInner(forwardLayer, context.Inputs);
        var backward = context.PlanInner(backwardLayer, context.Inputs);
        var tensors = Prefixed("forward", forward, forwardLayer.Trainable).Concat(Prefixed("backward", backward, backwardLayer.Trainable)).ToList();
        var formula = context.Layer.Backward is null ? $"2 × ({forward.Formula})" : $"({forward.Formula}) + ({backward.Formula})";
        return new LayerPlan(Outputs(context, forward, backward), tensors, formula);
    }

    private static IEnumerable<ExpectedTensor> Prefixed(string direction, LayerPlan plan, bool trainable) =>
        plan.Tensors.Select(t => t with { Name = $"{direction}/{t.Name}", Trainable = t.Trainable && trainable });

    private static List<Shape?> Outputs(LayerContext context, LayerPlan forward, LayerPlan backward)
    {
        var mode = context.Value("merge_mode") is { IsNull: true } ? null : context.String("merge_mode") ?? "concat";
        var (f, b) = (forward.Outputs[0], backward.Outputs[0]);
        List<Shape?> outputs = mode switch
        {
            null => [f, b],
            "concat" => [f is null || b is null ? null : f.WithLast(f.Last + b.Last)],
            "sum" or "mul" or "ave" => [f],
            _ => throw context.Invalid($"merge_mode '{mode}' is not one of concat, sum, mul, ave or null", context.Value("merge_mode")?.Path),
        };
        outputs.AddRange(forward.Outputs.Skip(1));
        outputs.AddRange(backward.Outputs.Skip(1));
        return outputs;
    }
}
