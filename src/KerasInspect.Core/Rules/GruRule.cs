using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>GRU</c>: 3u·(f + u + 1) with bias (3u) when <c>reset_after</c> is false; 3u·(f + u + 2) with bias (2, 3u) when true.
/// A missing <c>reset_after</c> takes the writer's default, which is reported.
/// </summary>
internal sealed class GruRule : RecurrentRule
{
    public override IReadOnlyList<string> ClassNames => ["GRU"];

    public override IReadOnlyList<string> PositionalArguments(string className) => ["units"];

    public override bool TakesSequence(string className) => true;

    public override string? MismatchHint(string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored)
    {
        if (role == "bias" && expected.Count == 1 && stored.Count == 2 && stored[0] == 2 && stored[1] == expected[0])
        {
            return "a (2, 3u) bias means the weights were saved with reset_after=True, but the config says reset_after=False";
        }

        return role == "bias" && expected.Count == 2 && stored.Count == 1 && stored[0] == expected[1]
            ? "a (3u,) bias means the weights were saved with reset_after=False, but the config says reset_after=True"
            : null;
    }

    protected override int Gates => 3;

    protected override IReadOnlyList<string> GateNames => ["z", "r", "h"];

    protected override (IReadOnlyList<long> Shape, long Rows) Bias(LayerContext context, long width)
    {
        bool resetAfter;
        if (context.Writer == KerasWriter.Keras1)
        {
            return ([width], 1); // Keras 1 predates reset_after: one bias row
        }

        if (context.Value("reset_after") is { IsNull: false })
        {
            resetAfter = context.Bool("reset_after", true);
        }
        else
        {
            resetAfter = context.Writer is KerasWriter.TfKeras or KerasWriter.Keras3 or KerasWriter.Unknown;
            context.NoteDefault("reset_after", resetAfter ? "true" : "false");
        }

        return resetAfter ? ([2, width], 2) : ([width], 1);
    }
}
