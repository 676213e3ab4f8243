using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary><c>RepeatVector(n)</c>: (b, d) → (b, n, d).</summary>
internal sealed class RepeatVectorRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["RepeatVector"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["n"];

    public LayerPlan Plan(LayerContext context)
    {
        var times = context.Long("n");
        var input = context.Input;
        if (input is not null && input.Rank != 2)
        {
            throw context.Invalid($"RepeatVector expects an input of rank 2, got {input}", null);
        }

        return LayerPlan.Weightless(Shape.Of(input?[0], times, input?[1]));
    }
}
