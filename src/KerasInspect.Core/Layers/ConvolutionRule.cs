namespace KerasInspect.Core.Layers;

/// <summary>
/// <c>Conv1D</c>, <c>Conv2D</c>, <c>Conv3D</c>: kernel (k…, f/groups, F) and bias (F). Spatial axes shrink to
/// ⌊(L − d·(k−1) − 1)/s⌋ + 1 with valid padding, ⌈L/s⌉ with same or causal; channels become F.
/// </summary>
internal sealed class ConvolutionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Conv1D", "Conv2D", "Conv3D"];

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
