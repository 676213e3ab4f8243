using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>SeparableConv1D</c>, <c>SeparableConv2D</c>: depthwise_kernel (k…, f, dm), pointwise_kernel (1…, f·dm, F) and
/// bias (F); k·f·dm + f·dm·F + F. Output like a convolution with F channels.
/// </summary>
internal sealed class SeparableConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["SeparableConv1D", "SeparableConv2D"];

    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("depthwise_kernel", shape => (shape.Count, shape[^2]));

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same", "causal");
        var input = context.KnownInput(rank: window.Rank + 2);
        var channels = window.Channels(context, input);
        var filters = context.Long("filters");
        var multiplier = context.Long("depth_multiplier", 1, 1);
        var depth = checked(channels * multiplier);
        List<ExpectedTensor> tensors =
        [
            new("depthwise_kernel", [.. window.Kernel, channels, multiplier]),
            new("pointwise_kernel", [.. Enumerable.Repeat(1L, window.Rank), depth, filters]),
        ];
        var formula = $"{window.KernelTerm} × {Formula.N(channels)} × {Formula.N(multiplier)} + {Formula.N(depth)} × {Formula.N(filters)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([window.Output(input, filters)], tensors, formula);
    }
}
