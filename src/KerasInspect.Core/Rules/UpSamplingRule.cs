using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>UpSampling1D/2D/3D</c>: no weights; each spatial axis multiplied by <c>size</c> (default 2 on every axis).</summary>
internal sealed class UpSamplingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["UpSampling1D", "UpSampling2D", "UpSampling3D"];

    public LayerPlan Plan(LayerContext context)
    {
        var rank = ConvolutionWindow.RankOf(context.Layer.ClassName);
        var size = context.Sizes("size", rank, 2);
        return Spatial.ResizeAxes(context, rank, (length, i) => checked(length * size[i]));
    }
}
