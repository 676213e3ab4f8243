using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Cropping1D/2D/3D</c>: no weights; each spatial axis shrinks by its <c>cropping</c> before and after (defaults: 1 on
/// each side for 1D and 3D, 0 for 2D). Cropping an axis to nothing is a config error.
/// </summary>
internal sealed class CroppingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Cropping1D", "Cropping2D", "Cropping3D"];

    public LayerPlan Plan(LayerContext context)
    {
        var rank = ConvolutionWindow.RankOf(context.Layer.ClassName);
        var cropping = Spatial.Pairs(context, "cropping", rank, rank == 2 ? 0 : 1);
        return Spatial.ResizeAxes(context, rank, (length, i) =>
        {
            var kept = length - cropping[i].Before - cropping[i].After;
            return kept > 0 ? kept
                : throw context.Invalid(
                    $"cropping {Formula.N(cropping[i].Before)} + {Formula.N(cropping[i].After)} leaves nothing of spatial axis {i + 1}, of size {Formula.N(length)}",
                    context.Value("cropping")?.Path);
        });
    }
}
