using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>TimeDistributed</c>: the wrapped layer applied to every time step, so its weights are planned on the input
/// without axis 1: (b, T, …) → the inner layer sees (b, …).
/// </summary>
internal sealed class TimeDistributedRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["TimeDistributed"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["layer"];

    public bool TakesSequence(string className) => true;

    /// <summary>A wrapped layer that takes (b, f) takes (b, T, f) here.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        layer.Inner is { } inner && rules.Find(inner.ClassName)?.InputWidth(inner, rules) is { } source
            ? source with { FromShape = shape => source.FromShape(shape) is (2, var width) ? (3, width) : null }
            : null;

    public IReadOnlyList<string> SubLayers => ["layer"];

    public LayerPlan Plan(LayerContext context)
    {
        var inner = context.Layer.Inner ?? throw context.Invalid("TimeDistributed has no wrapped 'layer'", null);
        var input = context.KnownInput();
        if (input.Rank < 3)
        {
            throw context.Invalid($"TimeDistributed needs an input of rank 3 or more, got {input}", null);
        }

        var plan = context.PlanInner(inner, [input.WithoutAxis(1)]);
        return new LayerPlan(
            [.. plan.Outputs.Select(o => o?.InsertAxis(1, input[1]))],
            [.. plan.Tensors.Select(t => t with { Trainable = t.Trainable && inner.Trainable })],
            plan.Formula);
    }
}
