using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Layers;

/// <summary><c>GlobalMaxPooling1D</c>, <c>GlobalAveragePooling1D</c>: (b, L, C) → (b, C), or (b, 1, C) with <c>keepdims</c>.</summary>
internal sealed class GlobalPooling1DRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["GlobalMaxPooling1D", "GlobalAveragePooling1D"];

    public LayerPlan Plan(LayerContext context)
    {
        var keepDims = context.Bool("keepdims", false);
        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        if (input.Rank != 3)
        {
            throw context.Invalid($"{context.Layer.ClassName} expects an input of rank 3, got {input}", null);
        }

        var channelsFirst = context.String("data_format") == "channels_first";
        var channels = channelsFirst ? input[1] : input[2];
        return LayerPlan.Weightless(keepDims
            ? channelsFirst ? Shape.Of(input[0], channels, 1) : Shape.Of(input[0], 1, channels)
            : Shape.Of(input[0], channels));
    }
}
