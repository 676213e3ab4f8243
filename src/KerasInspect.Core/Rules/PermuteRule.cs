using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary><c>Permute</c>: reorders the non-batch axes by <c>dims</c> (1-based).</summary>
internal sealed class PermuteRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Permute"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["dims"];

    public LayerPlan Plan(LayerContext context)
    {
        var dims = context.Value("dims");
        if (dims is null || dims.Kind != ConfigKind.Array)
        {
            throw context.Invalid("'dims' should be a list of axes", dims?.Path);
        }

        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        var axes = dims.Items.Select(item => item.AsLong() is { } a && a >= 1 && a < input.Rank
            ? (int)a
            : throw context.Invalid($"'dims' entries must be axes 1 to {input.Rank - 1} of {input}, found {item}", item.Path)).ToList();
        if (axes.Count != input.Rank - 1 || axes.Distinct().Count() != axes.Count)
        {
            throw context.Invalid($"'dims' {dims} is not a permutation of the axes of {input}", dims.Path);
        }

        return LayerPlan.Weightless(new Shape([input[0], .. axes.Select(a => input[a])]));
    }
}
