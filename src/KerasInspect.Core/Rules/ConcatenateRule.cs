using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary><c>Concatenate(axis=-1)</c>: the inputs joined along one axis; the other axes must agree.</summary>
internal sealed class ConcatenateRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Concatenate"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["axis"];

    public LayerPlan Plan(LayerContext context)
    {
        if (context.Inputs.Count == 0 || context.Inputs.Any(i => i is null))
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        var inputs = context.Inputs.Select(i => i!).ToList();
        var rank = inputs[0].Rank;
        if (inputs.Any(i => i.Rank != rank))
        {
            throw context.Invalid($"Concatenate inputs differ in rank: {string.Join(", ", inputs)}", null);
        }

        var axisValue = context.Value("axis");
        var axis = axisValue is null || axisValue.IsNull ? -1 : axisValue.AsLong() ?? throw context.Invalid($"'axis' should be an integer, it is {axisValue}", axisValue.Path);
        var normalized = axis < 0 ? rank + axis : axis;
        if (normalized < 1 || normalized >= rank)
        {
            throw context.Invalid($"'axis' {axis} is not a non-batch axis of {inputs[0]}", axisValue?.Path);
        }

        var dims = inputs[0].Dimensions.ToArray();
        dims[normalized] = inputs.Aggregate((long?)0, (sum, i) => sum is null || i[(int)normalized] is null ? null : checked(sum + i[(int)normalized]));
        return LayerPlan.Weightless(new Shape(dims));
    }
}
