using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Keras 1 <c>SeparableConvolution2D</c>: depthwise_kernel <c>(rows, cols, C, dm)</c> and pointwise_kernel
/// <c>(1, 1, C·dm, F)</c> with <c>dim_ordering: tf</c>, <c>(dm, C, rows, cols)</c> and <c>(F, C·dm, 1, 1)</c> with
/// <c>th</c>, and bias (F).
/// </summary>
internal sealed class Keras1SeparableConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["SeparableConvolution2D"];

    /// <summary>The depthwise kernel: C is axis 1 of (dm, C, rows, cols) with <c>th</c>, axis 2 of (rows, cols, C, dm) with <c>tf</c>.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("depthwise_kernel", shape => shape.Count == 4 ? (4, Keras1ConvolutionKernel.IsChannelsFirst(layer) ? shape[1] : shape[2]) : null);

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same");
        var input = context.KnownInput(rank: 4);
        var channels = window.Channels(context, input);
        var filters = context.Long("filters");
        var multiplier = context.Long("depth_multiplier", 1, 1);
        var expanded = checked(channels * multiplier);
        List<ExpectedTensor> tensors = window.ChannelsFirst
            ? [new("depthwise_kernel", [multiplier, channels, .. window.Kernel]), new("pointwise_kernel", [filters, expanded, 1, 1])]
            : [new("depthwise_kernel", [.. window.Kernel, channels, multiplier]), new("pointwise_kernel", [1, 1, expanded, filters])];
        var formula = $"{window.KernelTerm} × {Formula.N(channels)} × {Formula.N(multiplier)} + {Formula.N(expanded)} × {Formula.N(filters)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([window.Output(input, filters)], tensors, formula);
    }
}
