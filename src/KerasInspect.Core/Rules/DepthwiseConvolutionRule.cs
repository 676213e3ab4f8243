using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>DepthwiseConv1D</c>, <c>DepthwiseConv2D</c>: depthwise_kernel (k…, f, dm) and bias (f·dm); k·f·dm + f·dm.
/// Output like a convolution with f·dm channels.
/// </summary>
internal sealed class DepthwiseConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["DepthwiseConv1D", "DepthwiseConv2D"];

    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("depthwise_kernel", shape => (shape.Count, shape[^2]));

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same", "causal");
        var input = context.KnownInput(rank: window.Rank + 2);
        var channels = window.Channels(context, input);
        var multiplier = context.Long("depth_multiplier", 1, 1);
        var depth = checked(channels * multiplier);
        List<ExpectedTensor> tensors = [new("depthwise_kernel", [.. window.Kernel, channels, multiplier])];
        var formula = $"{window.KernelTerm} × {Formula.N(channels)} × {Formula.N(multiplier)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [depth]));
            formula += $" + {Formula.N(depth)}";
        }

        return new LayerPlan([window.Output(input, depth)], tensors, formula);
    }
}
