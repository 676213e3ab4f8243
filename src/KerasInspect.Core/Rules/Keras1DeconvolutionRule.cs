using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Keras 1 <c>Deconvolution2D</c>: it builds its kernel as <c>Convolution2D</c> does, with the input's channels as C
/// (<see cref="Keras1ConvolutionKernel"/>), and bias (F). The output is the config's <c>output_shape</c> when it has
/// one, else a transposed convolution's.
/// </summary>
internal sealed class Keras1DeconvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Deconvolution2D"];

    /// <summary>The kernel, laid out as <c>Convolution2D</c>'s.</summary>
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

        return new LayerPlan([DeclaredOutput(context, input.Rank) ?? window.TransposedOutput(input, filters, null)], tensors, formula);
    }

    /// <summary><c>output_shape</c>, batch axis first (its batch size is not the model's, so it is left unknown).</summary>
    private static Shape? DeclaredOutput(LayerContext context, int rank)
    {
        var value = context.Value("output_shape");
        if (value is null || value.IsNull || LayerContext.Unwrapped(value) is not { Kind: ConfigKind.Array } list || list.Items.Count != rank)
        {
            return null;
        }

        var dims = list.Items.Skip(1).Select(item => item.IsNull ? null : item.AsLong() is { } d && d >= 0 ? d : (long?)null);
        return new Shape([null, .. dims]);
    }
}
