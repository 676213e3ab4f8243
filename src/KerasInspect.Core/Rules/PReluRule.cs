using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>PReLU</c>: one alpha per input element, shaped like the input without its batch axis, with each axis of
/// <c>shared_axes</c> (1-based, batch excluded) set to 1: 640 on (10, 64), 64 with <c>shared_axes=[1]</c>.
/// </summary>
internal sealed class PReluRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["PReLU"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var shared = SharedAxes(context, input.Rank);
        var shape = new List<long>();
        for (var axis = 1; axis < input.Rank; axis++)
        {
            shape.Add(shared.Contains(axis) ? 1
                : input[axis] ?? throw context.Unknown($"axis {axis} of the input {input} is unknown and not in 'shared_axes'"));
        }

        return new LayerPlan([input], [new("alpha", shape)], shape.Count == 0 ? "1" : string.Join(" × ", shape.Select(Formula.N)));
    }

    private static HashSet<int> SharedAxes(LayerContext context, int rank)
    {
        var value = context.Value("shared_axes");
        if (value is null || value.IsNull)
        {
            return [];
        }

        var list = LayerContext.Unwrapped(value);
        var items = list.Kind == ConfigKind.Array ? list.Items : [list];
        return [.. items.Select(item => item.AsLong() is { } axis && axis >= 1 && axis < rank
            ? (int)axis
            : throw context.Invalid($"'shared_axes' entries must be axes 1 to {rank - 1}, found {item}", item.Path))];
    }
}
