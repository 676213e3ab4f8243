using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>CuDNNLSTM</c> (Keras 2 / tf.keras 1): LSTM kernels and a doubled bias (8u), one set for the input and one for the
/// recurrent half, always present: 4u·(f + u + 2). Keras converts it to an LSTM on load, whose bias is (4u).
/// </summary>
internal sealed class CuDnnLstmRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["CuDNNLSTM"];

    protected override int Gates => 4;

    protected override int States => 2;

    protected override bool UsesBias(LayerContext context) => true;

    protected override (IReadOnlyList<long> Shape, long Rows) Bias(LayerContext context, long width) => ([checked(2 * width)], 2);
}
