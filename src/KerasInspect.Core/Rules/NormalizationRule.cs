using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// The <c>Normalization</c> preprocessing layer: unless the config gives <c>mean</c> and <c>variance</c>, it builds
/// mean and variance (the sizes of the kept <c>axis</c>, −1 by default; none for <c>axis: null</c>) and a scalar count,
/// all non-trainable (param-formulas.md §2.5). The output has the input's shape.
/// </summary>
internal sealed class NormalizationRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Normalization"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        if (context.Value("mean") is { IsNull: false })
        {
            return LayerPlan.Weightless(input);
        }

        var kept = KeptShape(context, input);
        var size = kept.Aggregate(1L, (p, d) => checked(p * d));
        List<ExpectedTensor> tensors =
        [
            new("mean", kept, Trainable: false),
            new("variance", kept, Trainable: false),
            new("count", [], Trainable: false),
        ];
        return new LayerPlan([input], tensors, $"2 × {Formula.N(size)} + 1 non-trainable");
    }

    private static List<long> KeptShape(LayerContext context, Shape input)
    {
        var value = context.Value("axis");
        if (value is { IsNull: true })
        {
            return [];
        }

        var list = value is null ? null : LayerContext.Unwrapped(value);
        var axes = list is null ? [-1L]
            : list.Kind == ConfigKind.Array ? list.Items.Select(i => i.AsLong() ?? throw context.Invalid($"'axis' entries must be integers, found {i}", i.Path)).ToList()
            : [list.AsLong() ?? throw context.Invalid($"'axis' should be an integer, a list or null, it is {value}", value!.Path)];
        return [.. axes.Select(a => a < 0 ? input.Rank + a : a).Order().Select(a =>
            a >= 1 && a < input.Rank ? input[(int)a] ?? throw context.Unknown($"axis {a} of the input {input} is unknown")
            : throw context.Invalid($"'axis' {a} is not a non-batch axis of {input}", context.Value("axis")?.Path))];
    }
}
