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
        (int Rank, long Width)? input = className switch
        {
            "Dense" when layer.ClassName == "TimeDistributed" => (3, shape[0]),
            "Dense" when shape.Count == 2 => (2, shape[0]),
            _ when Recurrent.Contains(className) && shape.Count == 2 => (3, shape[0]),
            // a grouped convolution's kernel holds f / groups input channels
            "Conv1D" or "Conv2D" or "Conv3D" when GroupedWidth(layer, shape[^2]) is { } width => (spatialAxes + 2, width),
            "SeparableConv1D" or "SeparableConv2D" or "DepthwiseConv1D" or "DepthwiseConv2D" => (spatialAxes + 2, shape[^2]),
            "Conv1DTranspose" or "Conv2DTranspose" or "Conv3DTranspose" => (spatialAxes + 2, shape[^1]),
            _ => null,
        };
        if (input is not { } found)
        {
            return null;
        }

        var channelsFirst = layer.Config["data_format"]?.AsString() == "channels_first" && found.Rank > 2;
        var unknown = Enumerable.Repeat<long?>(null, found.Rank - 2);
        return (new Shape(channelsFirst ? [null, found.Width, .. unknown] : [null, .. unknown, found.Width]), found.Width, kernel);
    }

    private static long? GroupedWidth(LayerSpec layer, long perGroup)
    {
        var groups = layer.Config["groups"]?.AsLong() is { } value and > 0 ? value : 1;
        return perGroup <= long.MaxValue / groups ? perGroup * groups : null;
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
