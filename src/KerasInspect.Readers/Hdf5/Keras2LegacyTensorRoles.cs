using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Standalone Keras 2's legacy layers (<c>keras.legacy.layers</c>: <c>MaxoutDense</c>, <c>Highway</c>) keep their Keras 1
/// tensor names under the layer's scope, <c>maxoutdense_1/W:0</c>, where the rules' roles are kernel, bias, carry_kernel
/// and carry_bias; every other Keras 2 layer's names are the roles.
/// </summary>
public sealed class Keras2LegacyTensorRoles : IStorageDialect
{
    public static Keras2LegacyTensorRoles Instance { get; } = new();

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["kernel"] = "W",
        ["carry_kernel"] = "W_carry",
        ["bias"] = "b",
        ["carry_bias"] = "b_carry",
    };

    private Keras2LegacyTensorRoles()
    {
    }

    public string TensorName(LayerSpec layer, string role)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(role);
        return layer.ClassName is "MaxoutDense" or "Highway" && Names.TryGetValue(role, out var name) ? name : role;
    }
}
