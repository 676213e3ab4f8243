using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Where the channel and spatial axes of an image-like tensor are, and the output-length arithmetic of convolution,
/// transposed convolution and pooling (param-formulas.md §1.4), shared by every rule with a sliding window.
/// </summary>
internal static class Spatial
{
    /// <summary>The channel axis and the first spatial axis of a tensor with <paramref name="spatialRank"/> spatial axes after the batch.</summary>
    public static (int Channel, int First) Axes(int spatialRank, bool channelsFirst) =>
        channelsFirst ? (1, 2) : (spatialRank + 1, 1);

    /// <summary>
    /// A convolution's or pooling's output length: ⌊(L − w)/s⌋ + 1 with valid padding (0 when the window does not fit),
    /// ⌈L/s⌉ with same or causal, for the window w = d·(k − 1) + 1.
    /// </summary>
    public static long? WindowLength(long? length, long kernel, long stride, long dilation, string padding) =>
        length is { } known ? WindowLength(known, kernel, stride, dilation, padding) : null;

    /// <summary>The output length of <see cref="WindowLength(long?, long, long, long, string)"/> for a known input length.</summary>
    public static long WindowLength(long l, long kernel, long stride, long dilation, string padding)
    {
        if (padding != "valid")
        {
            return (l + stride - 1) / stride;
        }

        var fits = l - Window(kernel, dilation) + 1;
        return fits <= 0 ? 0 : (fits + stride - 1) / stride;
    }

    /// <summary>
    /// A transposed convolution's output length, for w = d·(k − 1) + 1: valid (L − 1)·s + max(w, s), same L·s; with an
    /// <c>output_padding</c> p, valid (L − 1)·s + w + p and same (L − 1)·s + (w mod 2) + p.
    /// </summary>
    public static long? TransposedLength(long? length, long kernel, long stride, long dilation, string padding, long? outputPadding)
    {
        if (length is not { } l)
        {
            return null;
        }

        var window = Window(kernel, dilation);
        if (outputPadding is { } p)
        {
            return ((l - 1) * stride) + (padding == "same" ? window % 2 : window) + p;
        }

        return padding == "same" ? l * stride : ((l - 1) * stride) + Math.Max(window, stride);
    }

    /// <summary>
    /// A weightless layer that changes each spatial axis on its own (UpSampling, ZeroPadding, Cropping): the input's rank must
    /// be <paramref name="rank"/> + 2, channels stay; an unknown input gives an unknown output.
    /// </summary>
    public static LayerPlan ResizeAxes(LayerContext context, int rank, Func<long, int, long> resize)
    {
        var channelsFirst = context.ChannelsFirst();
        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shape?)null);
        }

        if (input.Rank != rank + 2)
        {
            throw context.Invalid($"{context.Layer.ClassName} expects an input of rank {rank + 2}, got {input}", null);
        }

        var dims = input.Dimensions.ToArray();
        var first = Axes(rank, channelsFirst).First;
        for (var i = 0; i < rank; i++)
        {
            dims[first + i] = dims[first + i] is { } length ? resize(length, i) : null;
        }

        return LayerPlan.Weightless(new Shape(dims));
    }

    /// <summary>
    /// Amounts before and after each spatial axis (<c>padding</c>, <c>cropping</c>): an int for all sides; a list of one entry
    /// per axis, each an int (both sides) or a pair; or a flat list of 2 per axis (Keras 1: top, bottom, left, right).
    /// </summary>
    public static (long Before, long After)[] Pairs(LayerContext context, string key, int rank, long fallback)
    {
        var value = context.Value(key);
        if (value is null || value.IsNull)
        {
            return [.. Enumerable.Repeat((fallback, fallback), rank)];
        }

        var list = LayerContext.Unwrapped(value);
        if (list.Kind != ConfigKind.Array)
        {
            var n = Amount(context, key, list);
            return [.. Enumerable.Repeat((n, n), rank)];
        }

        if (list.Items.Count == rank)
        {
            return [.. list.Items.Select(item => LayerContext.Unwrapped(item) is { Kind: ConfigKind.Array } pair
                ? pair.Items.Count == 2 ? (Amount(context, key, pair.Items[0]), Amount(context, key, pair.Items[1]))
                    : throw context.Invalid($"'{key}' entries should be an int or a pair, found {item}", item.Path)
                : (Amount(context, key, item), Amount(context, key, item)))];
        }

        if (list.Items.Count == 2 * rank)
        {
            return [.. Enumerable.Range(0, rank).Select(i => (Amount(context, key, list.Items[2 * i]), Amount(context, key, list.Items[(2 * i) + 1])))];
        }

        throw context.Invalid($"'{key}' should be an int, {rank} entries or {2 * rank} ints, it is {value}", value.Path);
    }

    private static long Amount(LayerContext context, string key, ConfigValue item) =>
        item.AsLong() is { } n && n >= 0 ? n : throw context.Invalid($"'{key}' entries must be whole numbers ≥ 0, found {item}", item.Path);

    private static long Window(long kernel, long dilation) => (dilation * (kernel - 1)) + 1;
}
