using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Keras 1 <c>Convolution1D/2D/3D</c> and <c>AtrousConvolution1D/2D</c> (their config already in Keras 2 words:
/// <c>filters</c>, <c>kernel_size</c>, <c>strides</c>, <c>dilation_rate</c>, <c>data_format</c>): kernel in Keras 1's
/// layout (<see cref="Keras1ConvolutionKernel"/>) and bias (F); the output is a Keras 2 convolution's.
/// </summary>
internal sealed class Keras1ConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Convolution1D", "Convolution2D", "Convolution3D", "AtrousConvolution1D", "AtrousConvolution2D"];

    /// <summary>The kernel in Keras 1's layout: C is axis 2 of a 1-D (k, 1, C, F), axis 1 with <c>th</c>, next to last with <c>tf</c>.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) => Keras1ConvolutionKernel.InputWidth(layer);

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same");
        var input = context.KnownInput(rank: window.Rank + 2);
        var channels = window.Channels(context, input);
        var filters = context.Long("filters");
        List<ExpectedTensor> tensors = [new("kernel", Keras1ConvolutionKernel.Shape(window, channels, filters))];
        var formula = $"{window.KernelTerm} × {Formula.N(channels)} × {Formula.N(filters)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([window.Output(input, filters)], tensors, formula);
    }
}
