using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>ZeroPadding1D/2D/3D</c>: no weights; each spatial axis grows by its <c>padding</c> before and after (default 1 on
/// every side).
/// </summary>
internal sealed class ZeroPaddingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D"];

    public LayerPlan Plan(LayerContext context)
    {
        var rank = ConvolutionWindow.RankOf(context.Layer.ClassName);
        var padding = Spatial.Pairs(context, "padding", rank, 1);
        return Spatial.ResizeAxes(context, rank, (length, i) => checked(length + padding[i].Before + padding[i].After));
    }
}
