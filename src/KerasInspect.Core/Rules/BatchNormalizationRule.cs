using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>BatchNormalization</c>: gamma (C) if <c>scale</c> and beta (C) if <c>center</c>, trainable; moving_mean and
/// moving_variance (C), non-trainable; <c>renorm</c> adds three more non-trainable (C). C = size of <c>axis</c>.
/// </summary>
internal sealed class BatchNormalizationRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["BatchNormalization"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["axis"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var channels = Channels(context, input);
        var scale = context.Bool("scale", true);
        var center = context.Bool("center", true);
        var renorm = context.Bool("renorm", false);
        List<ExpectedTensor> tensors = [];
        if (scale)
        {
            tensors.Add(new("gamma", [channels]));
        }

        if (center)
        {
            tensors.Add(new("beta", [channels]));
        }

        tensors.Add(new("moving_mean", [channels], Trainable: false));
        tensors.Add(new("moving_variance", [channels], Trainable: false));
        if (renorm)
        {
            tensors.Add(new("moving_stddev", [channels], Trainable: false));
            tensors.Add(new("renorm_mean", [channels], Trainable: false));
            tensors.Add(new("renorm_stddev", [channels], Trainable: false));
        }

        var trainable = (scale ? 1 : 0) + (center ? 1 : 0);
        var fixedCount = renorm ? 5 : 2;
        var formula = trainable > 0
            ? $"{trainable} × {Formula.N(channels)} + {fixedCount} × {Formula.N(channels)} non-trainable"
            : $"{fixedCount} × {Formula.N(channels)} non-trainable";
        return new LayerPlan([input], tensors, formula);
    }

    /// <summary>The product of the sizes of the normalised axes (<c>axis</c>: an int or a list, default −1).</summary>
    private static long Channels(LayerContext context, Shapes.Shape input)
    {
        var value = context.Value("axis");
        var axes = value is null || value.IsNull ? [-1L]
            : value.Kind == ConfigKind.Array ? value.Items.Select(i => i.AsLong() ?? throw context.Invalid($"'axis' entries must be integers, found {i}", i.Path)).ToList()
            : [value.AsLong() ?? throw context.Invalid($"'axis' should be an integer or a list, it is {value}", value.Path)];
        long channels = 1;
        foreach (var axis in axes)
        {
            var normalized = axis < 0 ? input.Rank + axis : axis;
            if (normalized < 1 || normalized >= input.Rank)
            {
                throw context.Invalid($"'axis' {axis} is not a non-batch axis of {input}", value?.Path);
            }

            channels = checked(channels * (input[(int)normalized] ?? throw context.Unknown($"axis {axis} of the input {input} is unknown")));
        }

        return channels;
    }
}
