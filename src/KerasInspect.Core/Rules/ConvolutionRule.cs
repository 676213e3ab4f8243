using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>Conv1D</c>, <c>Conv2D</c>, <c>Conv3D</c>: kernel (k…, f/groups, F) and bias (F). Spatial axes shrink to
/// ⌊(L − d·(k−1) − 1)/s⌋ + 1 with valid padding, ⌈L/s⌉ with same or causal; channels become F.
/// </summary>
internal sealed class ConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Conv1D", "Conv2D", "Conv3D"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["filters", "kernel_size", "strides", "padding"];

    public bool TakesSequence(string className) => className == "Conv1D";

    /// <summary>The kernel (k…, f / groups, filters): a grouped convolution's kernel holds f / groups input channels.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => GroupedWidth(layer, shape[^2]) is { } width ? (shape.Count, width) : null);

    private static long? GroupedWidth(LayerSpec layer, long perGroup)
    {
        var groups = layer.Config["groups"]?.AsLong() is { } value and > 0 ? value : 1;
        return perGroup <= long.MaxValue / groups ? perGroup * groups : null;
    }

    public LayerPlan Plan(LayerContext context)
    {
        var window = ConvolutionWindow.Read(context, "valid", "same", "causal");
        var input = context.KnownInput(rank: window.Rank + 2);
        var channels = window.Channels(context, input);
        var filters = context.Long("filters");
        var groups = context.Long("groups", 1, 1);
        if (channels % groups != 0 || filters % groups != 0)
        {
            throw context.Invalid($"'groups' {groups} must divide the input channels ({channels}) and 'filters' ({filters})", context.Value("groups")?.Path);
        }

        var perGroup = channels / groups;
        List<ExpectedTensor> tensors = [new("kernel", [.. window.Kernel, perGroup, filters])];
        var formula = $"{window.KernelTerm} × {Formula.N(perGroup)} × {Formula.N(filters)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([window.Output(input, filters)], tensors, formula);
    }
}
