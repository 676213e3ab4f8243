using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>CuDNNGRU</c> (Keras 2 / tf.keras 1): GRU kernels and a doubled bias (6u), always present: 3u·(f + u + 2). The
/// same count as <c>GRU(reset_after=true)</c>, whose bias is (2, 3u) instead.
/// </summary>
internal sealed class CuDnnGruRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["CuDNNGRU"];

    protected override int Gates => 3;

    protected override bool UsesBias(LayerContext context) => true;

    protected override (IReadOnlyList<long> Shape, long Rows) Bias(LayerContext context, long width) => ([checked(2 * width)], 2);
}
