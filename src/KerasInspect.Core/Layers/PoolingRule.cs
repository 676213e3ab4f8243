using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Layers;

/// <summary>
/// <c>MaxPooling1D</c>, <c>AveragePooling1D</c>: no weights; the steps axis becomes ⌊(L − p)/s⌋ + 1 (valid) or ⌈L/s⌉ (same),
/// with <c>pool_size</c> 2 and <c>strides</c> = <c>pool_size</c> by default.
/// </summary>
internal sealed class Pooling1DRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["MaxPooling1D", "AveragePooling1D"];

    public LayerPlan Plan(LayerContext context)
    {
        var pool = context.OptionalSize("pool_size") ?? 2;
        var stride = context.OptionalSize("strides") ?? pool;
        var padding = context.String("padding") ?? "valid";
        if (padding is not ("valid" or "same"))
        {
            throw context.Invalid($"'padding' '{padding}' is not valid or same", context.Value("padding")?.Path);
        }

        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        if (input.Rank != 3)
        {
            throw context.Invalid($"{context.Layer.ClassName} expects an input of rank 3, got {input}", null);
        }

        var stepsAxis = context.String("data_format") == "channels_first" ? 2 : 1;
        var steps = input[stepsAxis] is not { } length ? (long?)null
            : padding == "same" ? (length + stride - 1) / stride
            : Math.Max(0, ((length - pool) / stride) + 1);
        var dims = input.Dimensions.ToArray();
        dims[stepsAxis] = steps;
        return LayerPlan.Weightless(new Shape(dims));
    }
}
