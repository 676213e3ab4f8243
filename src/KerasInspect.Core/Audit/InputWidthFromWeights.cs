using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Audit;

/// <summary>
/// When a layer's input shape cannot be inferred (it comes after a Lambda, say), the width of its input can still be
/// read off the kernel it stores (param-formulas.md §1.1, 5): a Dense kernel <c>(f, u)</c> gives <c>f</c>. The layer is
/// then planned on an input whose other dimensions are unknown, so everything but that width is still checked against
/// the config. It is not an independent check of the width, and the audit says so (KI1007).
/// </summary>
internal static class InputWidthFromWeights
{
    private static readonly HashSet<string> Recurrent = new(["LSTM", "GRU", "SimpleRNN", "CuDNNLSTM", "CuDNNGRU"], StringComparer.Ordinal);

    /// <summary>The input to plan the layer on, its width and the stored tensor it came from; null for other classes.</summary>
    public static (Shape Input, long Width, StoredTensor Kernel)? Infer(LayerSpec layer, IReadOnlyList<StoredTensor> stored)
    {
        var (className, kernelRole, scope) = layer.ClassName switch
        {
            "Bidirectional" or "TimeDistributed" when layer.Inner is { } inner => (inner.ClassName, "kernel", layer.ClassName == "Bidirectional" ? "forward" : null),
            "SeparableConv1D" or "SeparableConv2D" or "DepthwiseConv1D" or "DepthwiseConv2D" or "SeparableConvolution2D" => (layer.ClassName, "depthwise_kernel", null),
            _ => (layer.ClassName, "kernel", null),
        };
        if (layer.ClassName == "TimeDistributed" && className != "Dense")
        {
            return null;
        }

        if (Kernel(stored, kernelRole, scope, layer.Name) is not { } kernel || kernel.Shape.Count < 2)
        {
            return null;
        }

        var shape = kernel.Shape;
        var spatialAxes = shape.Count - 2;
        var channelsFirst = layer.Config["data_format"]?.AsString() == "channels_first";
        (int Rank, long Width)? input = className switch
        {
            "Dense" when layer.ClassName == "TimeDistributed" => (3, shape[0]),
            "Dense" when shape.Count == 2 => (2, shape[0]),
            _ when Recurrent.Contains(className) && shape.Count == 2 => (3, shape[0]),
            // a grouped convolution's kernel holds f / groups input channels
            "Conv1D" or "Conv2D" or "Conv3D" when GroupedWidth(layer, shape[^2]) is { } width => (spatialAxes + 2, width),
            "SeparableConv1D" or "SeparableConv2D" or "DepthwiseConv1D" or "DepthwiseConv2D" => (spatialAxes + 2, shape[^2]),
            "Conv1DTranspose" or "Conv2DTranspose" or "Conv3DTranspose" => (spatialAxes + 2, shape[^1]),
            // Keras 1 layouts (keras-file-formats.md §3.2): th kernels put C second, a 1-D kernel is (k, 1, C, F)
            "Convolution1D" or "AtrousConvolution1D" when shape.Count == 4 => (3, shape[2]),
            "Convolution2D" or "Convolution3D" or "AtrousConvolution2D" or "Deconvolution2D" or "SeparableConvolution2D" =>
                (spatialAxes + 2, channelsFirst ? shape[1] : shape[^2]),
            "MaxoutDense" when shape.Count == 3 => (2, shape[1]),
            "Highway" when shape.Count == 2 => (2, shape[0]),
            _ => null,
        };
        if (input is not { } found)
        {
            return null;
        }

        var unknown = Enumerable.Repeat<long?>(null, found.Rank - 2);
        return (new Shape(channelsFirst && found.Rank > 2 ? [null, found.Width, .. unknown] : [null, .. unknown, found.Width]), found.Width, kernel);
    }

    private static long? GroupedWidth(LayerSpec layer, long perGroup)
    {
        var groups = layer.Config["groups"]?.AsLong() is { } value and > 0 ? value : 1;
        return perGroup <= long.MaxValue / groups ? perGroup * groups : null;
    }

    /// <summary>The stored kernel: by role name (inside the forward scope for a Bidirectional), or the first of positional tensors.</summary>
    private static StoredTensor? Kernel(IReadOnlyList<StoredTensor> stored, string role, string? scope, string layer)
    {
        if (stored.Count > 0 && stored.All(t => t.Position is not null))
        {
            return scope is null ? stored.MinBy(t => t.Position) : null;
        }

        return stored.FirstOrDefault(t =>
        {
            var parts = t.Name.Split('/');
            var name = parts[^1].Split(':')[0];
            // a Keras 1 Dense keeps its storage name, <layer>_W
            return (name == role || name == $"{layer}_W") && (scope is null || parts[..^1].Any(p => p.StartsWith(scope, StringComparison.Ordinal)));
        });
    }
}
