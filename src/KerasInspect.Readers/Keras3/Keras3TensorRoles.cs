using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Keras3;

/// <summary>Keras 3's tensor names where they differ from the rules' roles: a depthwise convolution's depthwise kernel is <c>kernel</c> (BaseDepthwiseConv.build).</summary>
public sealed class Keras3TensorRoles : IStorageDialect
{
    public static Keras3TensorRoles Instance { get; } = new();

    private static readonly HashSet<string> Depthwise = new(["DepthwiseConv1D", "DepthwiseConv2D"], StringComparer.Ordinal);

    private Keras3TensorRoles()
    {
    }

    public string TensorName(LayerSpec layer, string role)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return role == "depthwise_kernel" && Depthwise.Contains(layer.ClassName) ? "kernel" : role;
    }
}
