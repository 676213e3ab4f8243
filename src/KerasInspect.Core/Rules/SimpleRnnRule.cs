using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>SimpleRNN</c>: u·(f + u + 1).</summary>
internal sealed class SimpleRnnRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["SimpleRNN"];

    public override IReadOnlyList<string> PositionalArguments(string className) => ["units"];

    public override bool TakesSequence(string className) => true;

    protected override int Gates => 1;
}
