using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>GroupNormalization</c> (tf.keras 2.11+, Keras 3): gamma (C) if <c>scale</c> and beta (C) if <c>center</c>, C = size of
/// <c>axis</c> (default −1); <c>groups</c> (default 32, −1 = one per channel) must divide C.
/// </summary>
internal sealed class GroupNormalizationRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["GroupNormalization"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var axisValue = context.Value("axis");
        var axis = axisValue is null || axisValue.IsNull ? -1
            : axisValue.AsLong() ?? throw context.Invalid($"'axis' should be an integer, it is {axisValue}", axisValue.Path);
        var normalized = axis < 0 ? input.Rank + axis : axis;
        if (normalized < 1 || normalized >= input.Rank)
        {
            throw context.Invalid($"'axis' {axis} is not a non-batch axis of {input}", axisValue?.Path);
        }

        var channels = input[(int)normalized] ?? throw context.Unknown($"axis {axis} of the input {input} is unknown");
        var groups = context.Value("groups")?.AsLong() == -1 ? channels : context.Long("groups", 32, 1);
        if (groups > channels || channels % groups != 0)
        {
            throw context.Invalid($"'groups' {groups} must divide the {channels} channels of axis {axis}", context.Value("groups")?.Path);
        }

        List<ExpectedTensor> tensors = [];
        if (context.Bool("scale", true))
        {
            tensors.Add(new("gamma", [channels]));
        }

        if (context.Bool("center", true))
        {
            tensors.Add(new("beta", [channels]));
        }

        var formula = tensors.Count switch
        {
            0 => "0",
            1 => Formula.N(channels),
            _ => $"2 × {Formula.N(channels)}",
        };
        return new LayerPlan([input], tensors, formula);
    }
}
