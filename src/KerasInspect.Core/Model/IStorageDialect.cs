namespace KerasInspect.Core.Model;

/// <summary>
/// How a file's writer names and splits a layer's tensors. Rules emit roles (<c>kernel</c>, <c>recurrent_kernel</c>,
/// <c>bias</c>, and per-gate <c>kernel_i</c>, … where a file stores each gate apart); the reader that knows the dialect
/// supplies it with the model, and the analysis shows each tensor by the dialect's name.
/// </summary>
public interface IStorageDialect
{
    /// <summary>The name this dialect gives the tensor of a role; the role itself unless the dialect renames it.</summary>
    string TensorName(LayerSpec layer, string role) => role;

    /// <summary>Whether each gate of a gated recurrent layer is stored as tensors of its own.</summary>
    bool StoresGatesApart(LayerSpec layer) => false;
}
