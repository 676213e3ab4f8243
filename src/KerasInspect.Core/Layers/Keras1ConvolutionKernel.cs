namespace KerasInspect.Core.Layers;

/// <summary>
/// How Keras 1 lays out a convolution kernel (keras-file-formats.md §3.2): <c>(rows, cols, C, F)</c> with
/// <c>dim_ordering: tf</c>, <c>(F, C, rows, cols)</c> with <c>th</c>, and a 1-D kernel as a 4-D
/// <c>(length, 1, C, F)</c>. The element count is Keras 2's; only the order of the axes differs.
/// </summary>
internal static class Keras1ConvolutionKernel
{
    /// <summary>The stored kernel of a window with <paramref name="channels"/> input and <paramref name="filters"/> output channels.</summary>
    public static IReadOnlyList<long> Shape(ConvolutionWindow window, long channels, long filters) =>
        window.Rank == 1 ? [window.Kernel[0], 1, channels, filters]
        : window.ChannelsFirst ? [filters, channels, .. window.Kernel]
        : [.. window.Kernel, channels, filters];
}
