using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>GlobalMaxPooling1D/2D/3D</c>, <c>GlobalAveragePooling1D/2D/3D</c>: (b, spatial…, C) → (b, C), or with <c>keepdims</c>
/// every spatial axis kept as 1.
/// </summary>
internal sealed class GlobalPoolingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames =>
    [
        "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
        "GlobalMaxPooling3D", "GlobalAveragePooling3D",
    ];

    public bool TakesSequence(string className) => className is "GlobalMaxPooling1D" or "GlobalAveragePooling1D";

    public LayerPlan Plan(LayerContext context)
    {
        var rank = ConvolutionWindow.RankOf(context.Layer.ClassName);
        var keepDims = context.Bool("keepdims", false);
        var channelsFirst = context.ChannelsFirst();
        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        if (input.Rank != rank + 2)
        {
            throw context.Invalid($"{context.Layer.ClassName} expects an input of rank {rank + 2}, got {input}", null);
        }

        var (channelAxis, first) = Spatial.Axes(rank, channelsFirst);
        if (!keepDims)
        {
            return LayerPlan.Weightless(Shape.Of(input[0], input[channelAxis]));
        }

        var dims = input.Dimensions.ToArray();
        for (var i = 0; i < rank; i++)
        {
            dims[first + i] = 1;
        }

        return LayerPlan.Weightless(new Shape(dims));
    }
}
