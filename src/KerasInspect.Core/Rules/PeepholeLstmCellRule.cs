using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>PeepholeLSTMCell</c> (tf.keras experimental, used as <c>RNN(PeepholeLSTMCell(u))</c>): the LSTM tensors plus
/// input_gate, forget_gate and output_gate peephole weights of u each; 4u·(f + u + 1) + 3u. Not a layer of its own, so
/// only <see cref="RnnRule"/> uses it.
/// </summary>
internal sealed class PeepholeLstmCellRule : ILayerRule
{
    private static readonly LstmRule Lstm = new();

    public IReadOnlyList<string> ClassNames => ["PeepholeLSTMCell"];

    public LayerPlan Plan(LayerContext context)
    {
        var plan = Lstm.Plan(context);
        var units = context.Long("units");
        ExpectedTensor[] peepholes =
        [
            new("input_gate_peephole_weights", [units]),
            new("forget_gate_peephole_weights", [units]),
            new("output_gate_peephole_weights", [units]),
        ];
        return plan with { Tensors = [.. plan.Tensors, .. peepholes], Formula = $"{plan.Formula} + 3 × {Formula.N(units)}" };
    }
}
