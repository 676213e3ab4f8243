using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary><c>Reshape</c>: the batch axis followed by <c>target_shape</c>, one −1 solved from the input's element count.</summary>
internal sealed class ReshapeRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Reshape"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["target_shape"];

    public LayerPlan Plan(LayerContext context)
    {
        var target = context.Value("target_shape");
        if (target is null || target.Kind != ConfigKind.Array)
        {
            throw context.Invalid("'target_shape' should be a list of dimensions", target?.Path);
        }

        var dims = target.Items.Select(item => item.AsLong() is { } d && d is > 0 or -1
            ? d
            : throw context.Invalid($"'target_shape' entries must be positive or -1, found {item}", item.Path)).ToList();
        var batch = context.Input?[0];
        var unknownAt = dims.IndexOf(-1);
        if (unknownAt < 0)
        {
            return LayerPlan.Weightless(new Shape([batch, .. dims.Select(d => (long?)d)]));
        }

        long? solved = null;
        if (context.Input is { } input && input.Dimensions.Skip(1).All(d => d is not null))
        {
            var total = input.Dimensions.Skip(1).Aggregate(1L, (p, d) => checked(p * d!.Value));
            var known = dims.Where(d => d != -1).Aggregate(1L, (p, d) => checked(p * d));
            if (total % known != 0)
            {
                throw context.Invalid($"cannot reshape {input} to {target}: {total} elements do not divide into {known}", target.Path);
            }

            solved = total / known;
        }

        return LayerPlan.Weightless(new Shape([batch, .. dims.Select(d => d == -1 ? solved : d)]));
    }
}
