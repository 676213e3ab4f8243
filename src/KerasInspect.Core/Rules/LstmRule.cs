using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>LSTM</c>: 4u·(f + u + 1); <c>return_state</c> adds two states (h, c).</summary>
internal sealed class LstmRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["LSTM"];

    public override IReadOnlyList<string> PositionalArguments(string className) => ["units"];

    public override bool TakesSequence(string className) => true;

    public override string? MismatchHint(string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored) =>
        role == "bias" && expected.Count == 1 && stored.Count == 1 && stored[0] == 2 * expected[0]
            ? "an 8u bias is the CuDNNLSTM layout: these weights come from a CuDNN-trained model"
            : null;

    protected override int Gates => 4;

    protected override int States => 2;

    protected override IReadOnlyList<string> GateNames => ["i", "c", "f", "o"];
}
