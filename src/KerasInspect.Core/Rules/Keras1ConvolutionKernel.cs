using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

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

    /// <summary>Where the input channels sit in a stored Keras 1 kernel; the input has the kernel's rank but for a 1-D one.</summary>
    public static InputWidthSource InputWidth(LayerSpec layer) => new("kernel", shape =>
        ConvolutionWindow.RankOf(layer.ClassName) == 1
            ? (shape.Count == 4 ? (3, shape[2]) : null)
            : (shape.Count, IsChannelsFirst(layer) ? shape[1] : shape[^2]));

    /// <summary><c>dim_ordering: th</c>, read as <c>data_format: channels_first</c>.</summary>
    public static bool IsChannelsFirst(LayerSpec layer) => layer.Config["data_format"]?.AsString() == "channels_first";
}
