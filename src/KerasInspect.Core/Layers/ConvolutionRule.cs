using KerasInspect.Core.Config;
using KerasInspect.Core.Shapes;

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
        var spatial = context.Layer.ClassName[4] - '0';
        var input = context.KnownInput(rank: spatial + 2);
        var channelsFirst = context.String("data_format") == "channels_first";
        var channelAxis = channelsFirst ? 1 : spatial + 1;
        var channels = input[channelAxis] ?? throw context.Unknown($"the channel axis of the input {input} is unknown");
        var filters = context.Long("filters");
        var groups = context.Long("groups", 1, 1);
        if (channels % groups != 0 || filters % groups != 0)
        {
            throw context.Invalid($"'groups' {groups} must divide the input channels ({channels}) and 'filters' ({filters})", context.Value("groups")?.Path);
        }

        var kernel = Sizes(context, "kernel_size", spatial, null);
        var strides = Sizes(context, "strides", spatial, 1);
        var dilation = Sizes(context, "dilation_rate", spatial, 1);
        var padding = context.String("padding") ?? "valid";
        if (padding is not ("valid" or "same" or "causal"))
        {
            throw context.Invalid($"'padding' '{padding}' is not valid, same or causal", context.Value("padding")?.Path);
        }

        var dims = input.Dimensions.ToArray();
        for (var i = 0; i < spatial; i++)
        {
            var axis = (channelsFirst ? 2 : 1) + i;
            dims[axis] = dims[axis] is not { } length ? null
                : padding == "valid" ? Math.Max(0, ((length - (dilation[i] * (kernel[i] - 1)) - 1) / strides[i]) + 1)
                : (length + strides[i] - 1) / strides[i];
        }

        dims[channelAxis] = filters;
        var perGroup = channels / groups;
        List<ExpectedTensor> tensors = [new("kernel", [.. kernel, perGroup, filters])];
        var formula = $"{string.Join(" × ", kernel.Select(Formula.N))} × {Formula.N(perGroup)} × {Formula.N(filters)}";
        if (context.Bool("use_bias", true))
        {
            tensors.Add(new("bias", [filters]));
            formula += $" + {Formula.N(filters)}";
        }

        return new LayerPlan([new Shape(dims)], tensors, formula);
    }

    /// <summary>An int (the same on every axis) or a list of one int per spatial axis.</summary>
    private static long[] Sizes(LayerContext context, string key, int spatial, long? fallback)
    {
        var value = context.Value(key);
        if (value is null || value.IsNull)
        {
            return fallback is { } f ? [.. Enumerable.Repeat(f, spatial)] : throw context.Invalid($"'{key}' is missing", null);
        }

        var items = value.Kind == ConfigKind.Array ? value.Items : Enumerable.Repeat(value, spatial).ToList();
        if (items.Count != spatial)
        {
            throw context.Invalid($"'{key}' should have {spatial} entries, it is {value}", value.Path);
        }

        return [.. items.Select(item => item.AsLong() is { } n && n >= 1 ? n : throw context.Invalid($"'{key}' entries must be whole numbers ≥ 1, found {item}", item.Path))];
    }
}
