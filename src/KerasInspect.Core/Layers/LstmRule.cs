namespace KerasInspect.Core.Layers;

/// <summary><c>LSTM</c>: 4u·(f + u + 1); <c>return_state</c> adds two states (h, c).</summary>
internal sealed class LstmRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["LSTM"];

    protected override int Gates => 4;

    protected override int States => 2;

    protected override IReadOnlyList<string> GateNames => ["i", "c", "f", "o"];
}
