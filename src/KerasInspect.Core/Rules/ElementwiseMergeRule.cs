using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>Element-wise merges (<c>Add</c>, <c>Subtract</c>, <c>Multiply</c>, <c>Average</c>, <c>Maximum</c>, <c>Minimum</c>): the inputs' broadcast shape.</summary>
internal sealed class ElementwiseMergeRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"];

    public LayerPlan Plan(LayerContext context)
    {
        var known = context.Inputs.Where(i => i is not null).Select(i => i!).ToList();
        if (known.Count == 0)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        var rank = known.Max(i => i.Rank);
        var dims = new long?[rank];
        for (var fromEnd = 1; fromEnd <= rank; fromEnd++)
        {
            var values = known.Where(i => i.Rank >= fromEnd).Select(i => i[i.Rank - fromEnd]).ToList();
            var sized = values.Where(v => v is not null and not 1).Distinct().ToList();
            if (sized.Count > 1)
            {
                throw context.Invalid($"{context.Layer.ClassName} inputs cannot be broadcast together: {string.Join(", ", known)}", null);
            }

            dims[rank - fromEnd] = sized.Count == 1 ? sized[0] : values.Contains(1) ? 1 : null;
        }

        return LayerPlan.Weightless(new Shape(dims));
    }
}
