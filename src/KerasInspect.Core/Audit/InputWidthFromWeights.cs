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

    /// <summary>The input to plan the layer on and the stored tensor its width came from, or null for other classes.</summary>
    public static (Shape Input, StoredTensor Kernel)? Infer(LayerSpec layer, IReadOnlyList<StoredTensor> stored)
    {
        var (className, kernelRole, scope) = layer.ClassName switch
        {
            "Bidirectional" or "TimeDistributed" when layer.Inner is { } inner => (inner.ClassName, "kernel", layer.ClassName == "Bidirectional" ? "forward" : null),
            "SeparableConv1D" or "SeparableConv2D" or "DepthwiseConv1D" or "DepthwiseConv2D" => (layer.ClassName, "depthwise_kernel", null),
            _ => (layer.ClassName, "kernel", null),
        };
        if (layer.ClassName == "TimeDistributed" && className != "Dense")
        {
            return null;
        }

        if (Kernel(stored, kernelRole, scope) is not { } kernel || kernel.Shape.Count < 2)
        {
            return null;
        }

        var shape = kernel.Shape;
        var spatialAxes = shape.Count - 2;
        Shape? input = className switch
        {
            "Dense" when layer.ClassName == "TimeDistributed" => Shape.Of(null, null, shape[0]),
            "Dense" when shape.Count == 2 => Shape.Of(null, shape[0]),
            _ when Recurrent.Contains(className) && shape.Count == 2 => Shape.Of(null, null, shape[0]),
            "Conv1D" or "Conv2D" or "Conv3D" or "SeparableConv1D" or "SeparableConv2D" or "DepthwiseConv1D" or "DepthwiseConv2D"
                => Spatial(layer, spatialAxes, shape[^2]),
            "Conv1DTranspose" or "Conv2DTranspose" or "Conv3DTranspose" => Spatial(layer, spatialAxes, shape[^1]),
            _ => null,
        };
        return input is null ? null : (input, kernel);
    }

    /// <summary>Batch, then the spatial axes (unknown) and the channels, in the layer's data format.</summary>
    private static Shape Spatial(LayerSpec layer, int spatialAxes, long channels)
    {
        var unknown = Enumerable.Repeat<long?>(null, spatialAxes);
        var channelsFirst = layer.Config["data_format"]?.AsString() == "channels_first";
        return new Shape(channelsFirst ? [null, channels, .. unknown] : [null, .. unknown, channels]);
    }

    /// <summary>The stored kernel: by role name (inside the forward scope for a Bidirectional), or the first of positional tensors.</summary>
    private static StoredTensor? Kernel(IReadOnlyList<StoredTensor> stored, string role, string? scope)
    {
        if (stored.Count > 0 && stored.All(t => t.Position is not null))
        {
            return scope is null ? stored.MinBy(t => t.Position) : null;
        }

        return stored.FirstOrDefault(t =>
        {
            var parts = t.Name.Split('/');
            var name = parts[^1].Split(':')[0];
            return name == role && (scope is null || parts[..^1].Any(p => p.StartsWith(scope, StringComparison.Ordinal)));
        });
    }
}
