using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// The sliding window of a convolution-like layer read from its config (<c>kernel_size</c>, <c>strides</c>,
/// <c>dilation_rate</c>, <c>padding</c>, <c>data_format</c>), with the input layout it implies and the output it gives.
/// </summary>
internal sealed class ConvolutionWindow
{
    private ConvolutionWindow(int rank, bool channelsFirst, long[] kernel, long[] strides, long[] dilation, string padding)
    {
        Rank = rank;
        ChannelsFirst = channelsFirst;
        Kernel = kernel;
        Strides = strides;
        Dilation = dilation;
        Padding = padding;
    }

    /// <summary>Number of spatial axes: 1, 2 or 3.</summary>
    public int Rank { get; }

    public bool ChannelsFirst { get; }

    public IReadOnlyList<long> Kernel { get; }

    public IReadOnlyList<long> Strides { get; }

    public IReadOnlyList<long> Dilation { get; }

    public string Padding { get; }

    /// <summary>The channel axis of the input and output (batch first).</summary>
    public int ChannelAxis => Spatial.Axes(Rank, ChannelsFirst).Channel;

    /// <summary>k: the number of kernel positions, the product of <c>kernel_size</c>.</summary>
    public long KernelPositions => Kernel.Aggregate(1L, (p, k) => checked(p * k));

    /// <summary>The kernel sizes as a formula factor: <c>3 × 3</c>.</summary>
    public string KernelTerm => string.Join(" × ", Kernel.Select(Formula.N));

    /// <summary>Reads the window of a layer whose class name carries its spatial rank (<c>Conv2D</c>, <c>ConvLSTM3D</c>).</summary>
    public static ConvolutionWindow Read(LayerContext context, params string[] paddings)
    {
        var rank = RankOf(context.Layer.ClassName);
        return new ConvolutionWindow(
            rank,
            context.ChannelsFirst(),
            context.Sizes("kernel_size", rank, null),
            context.Sizes("strides", rank, 1),
            context.Sizes("dilation_rate", rank, 1),
            context.Padding(paddings));
    }

    /// <summary>The spatial rank in a class name such as <c>SeparableConv1D</c> or <c>Conv3DTranspose</c>.</summary>
    public static int RankOf(string className)
    {
        for (var i = 0; i + 1 < className.Length; i++)
        {
            if (className[i] is >= '1' and <= '3' && className[i + 1] == 'D')
            {
                return className[i] - '0';
            }
        }

        throw new ArgumentException($"'{className}' names no spatial rank", nameof(className));
    }

    /// <summary>The input's channel count, which the kernels depend on.</summary>
    public long Channels(LayerContext context, Shape input) =>
        input[ChannelAxis] ?? throw context.Unknown($"the channel axis of the input {input} is unknown");

    /// <summary>The output of a convolution on <paramref name="input"/>: spatial axes slid over, channels set to <paramref name="channels"/>.</summary>
    public Shape Output(Shape input, long channels) => Slide(input, channels, (length, i) =>
        Spatial.WindowLength(length, Kernel[i], Strides[i], Dilation[i], Padding));

    /// <summary>The output of a transposed convolution, with optional <c>output_padding</c> per axis.</summary>
    public Shape TransposedOutput(Shape input, long channels, IReadOnlyList<long>? outputPadding) => Slide(input, channels, (length, i) =>
        Spatial.TransposedLength(length, Kernel[i], Strides[i], Dilation[i], Padding, outputPadding?[i]));

    private Shape Slide(Shape input, long channels, Func<long?, int, long?> length)
    {
        var dims = input.Dimensions.ToArray();
        var first = Spatial.Axes(Rank, ChannelsFirst).First;
        for (var i = 0; i < Rank; i++)
        {
            dims[first + i] = length(dims[first + i], i);
        }

        dims[ChannelAxis] = channels;
        return new Shape(dims);
    }
}
