using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Conv1DTranspose</c>, <c>Conv2DTranspose</c>, <c>Conv3DTranspose</c>: kernel (k…, F, f), filters before input channels,
/// and bias (F). Spatial axes grow to (L − 1)·s + max(w, s) with valid padding, L·s with same, for w = d·(k − 1) + 1;
/// an <c>output_padding</c> p gives (L − 1)·s + w + p, or (L − 1)·s + (w mod 2) + p with same.
/// </summary>
internal sealed class ConvolutionTransposeRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose"];

    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => (shape.Count, shape[^1]));

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same");
        var input = context.KnownInput(rank: window.Rank + 2);
        var channels = window.Channels(context, input);
        var filters = context.Long("filters");
        var outputPadding = context.Value("output_padding") is { IsNull: false } ? context.Sizes("output_padding", window.Rank, null, minimum: 0) : null;
        if (outputPadding is not null && outputPadding.Where((p, i) => p >= window.Strides[i]).Any())
        {
            throw context.Invalid($"'output_padding' {context.Value("output_padding")} must be smaller than 'strides' on every axis", context.Value("output_padding")?.Path);
        }

        List<ExpectedTensor> tensors = [new("kernel", [.. window.Kernel, filters, channels])];
        var formula = $"{window.KernelTerm} × {Formula.N(filters)} × {Formula.N(channels)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([window.TransposedOutput(input, filters, outputPadding)], tensors, formula);
    }
}
