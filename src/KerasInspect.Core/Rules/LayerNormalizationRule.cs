using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>LayerNormalization</c>: gamma if <c>scale</c> (or <c>rms_scaling</c>, Keras 3) and beta if <c>center</c> and not
/// <c>rms_scaling</c>, each shaped by the sizes of the normalised <c>axis</c> (an int or a list, default −1), in order.
/// </summary>
internal sealed class LayerNormalizationRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["LayerNormalization"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var shape = AxisSizes(context, input);
        var rms = context.Bool("rms_scaling", false);
        var scale = context.Bool("scale", true) || rms;
        var center = context.Bool("center", true) && !rms;
        List<ExpectedTensor> tensors = [];
        if (scale)
        {
            tensors.Add(new("gamma", shape));
        }

        if (center)
        {
            tensors.Add(new("beta", shape));
        }

        var size = Formula.N(shape.Aggregate(1L, (p, d) => checked(p * d)));
        var formula = tensors.Count switch
        {
            0 => "0",
            1 => size,
            _ => $"2 × {size}",
        };
        return new LayerPlan([input], tensors, formula);
    }

    /// <summary>The input's size on each axis of <c>axis</c>; negative axes count from the end, 0 (batch) is not allowed.</summary>
    private static List<long> AxisSizes(LayerContext context, Shapes.Shape input)
    {
        var value = context.Value("axis");
        var items = value is null || value.IsNull ? null : LayerContext.Unwrapped(value);
        var axes = items is null ? [-1L]
            : items.Kind == ConfigKind.Array ? items.Items.Select(i => i.AsLong() ?? throw context.Invalid($"'axis' entries must be integers, found {i}", i.Path)).ToList()
            : [items.AsLong() ?? throw context.Invalid($"'axis' should be an integer or a list, it is {value}", value!.Path)];
        var seen = new HashSet<long>();
        var sizes = new List<long>();
        foreach (var axis in axes)
        {
            var normalized = axis < 0 ? input.Rank + axis : axis;
            if (normalized < 1 || normalized >= input.Rank || !seen.Add(normalized))
            {
                throw context.Invalid($"'axis' {value} does not name distinct non-batch axes of {input}", value?.Path);
            }

            sizes.Add(input[(int)normalized] ?? throw context.Unknown($"axis {axis} of the input {input} is unknown"));
        }

        return sizes;
    }
}
