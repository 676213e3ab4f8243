using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Dot(axes, normalize)</c>: no weights; the two inputs' <c>axes</c> (an int for both or one per input, negative from the
/// end, never the batch) are contracted, and the remaining axes of the first then the second (without its batch) follow:
/// (b, 10, 64)·(b, 10, 64) on axes 2 gives (b, 10, 10); a result of rank 1 gets a trailing 1.
/// </summary>
internal sealed class DotRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Dot"];

    public LayerPlan Plan(LayerContext context)
    {
        if (context.Inputs.Count != 2)
        {
            throw context.Invalid($"Dot takes two inputs, it has {context.Inputs.Count}", null);
        }

        var axes = Axes(context);
        if (context.Inputs[0] is not { } left || context.Inputs[1] is not { } right)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        var a = Normalize(context, axes.Left, left);
        var b = Normalize(context, axes.Right, right);
        if (left[a] is { } m && right[b] is { } n && m != n)
        {
            throw context.Invalid($"Dot cannot contract axis {a} of {left} ({m}) with axis {b} of {right} ({n})", context.Value("axes")?.Path);
        }

        List<long?> dims = [.. left.Dimensions.Where((_, i) => i != a), .. right.Dimensions.Where((_, i) => i != b && i != 0)];
        if (dims.Count == 1)
        {
            dims.Add(1);
        }

        return LayerPlan.Weightless(new Shape(dims));
    }

    private static (long Left, long Right) Axes(LayerContext context)
    {
        var value = context.Value("axes") ?? throw context.Invalid("'axes' is missing", null);
        var list = LayerContext.Unwrapped(value);
        if (list.Kind != ConfigKind.Array)
        {
            var axis = list.AsLong() ?? throw context.Invalid($"'axes' should be an integer or a pair, it is {value}", value.Path);
            return (axis, axis);
        }

        return list.Items.Count == 2 && list.Items[0].AsLong() is { } first && list.Items[1].AsLong() is { } second
            ? (first, second)
            : throw context.Invalid($"'axes' should be an integer or a pair, it is {value}", value.Path);
    }

    private static int Normalize(LayerContext context, long axis, Shape input)
    {
        var normalized = axis < 0 ? input.Rank + axis : axis;
        return normalized >= 1 && normalized < input.Rank ? (int)normalized
            : throw context.Invalid($"'axes' {axis} is not a non-batch axis of {input}", context.Value("axes")?.Path);
    }
}
