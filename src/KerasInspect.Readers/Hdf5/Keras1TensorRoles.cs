using KerasInspect.Core.Model;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Keras 1's tensor names (keras-file-formats.md §3.2): <c>&lt;layer&gt;_W</c>, <c>_U</c>, <c>_b</c> for the kernel,
/// recurrent kernel and bias, an Embedding's <c>&lt;layer&gt;_W</c>, and per gate <c>_W_i</c>, <c>_U_c</c>, <c>_b_f</c>, …
/// unless a recurrent layer was built with <c>consume_less: gpu</c>, which stores the gates fused; the convolutions'
/// <c>W</c>/<c>b</c>, <c>SeparableConvolution2D</c>'s kernels, <c>BatchNormalization</c>'s <c>running_mean</c> and
/// <c>running_std</c> (its moving statistics), <c>MaxoutDense</c>'s and <c>Highway</c>'s <c>W</c>, <c>W_carry</c>, <c>b</c>,
/// <c>b_carry</c>.
/// </summary>
public sealed class Keras1TensorRoles : IStorageDialect
{
    public static Keras1TensorRoles Instance { get; } = new();

    private static readonly Dictionary<string, string> Kernels = new(StringComparer.Ordinal)
    {
        ["kernel"] = "W",
        ["recurrent_kernel"] = "U",
        ["bias"] = "b",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ByClass = new(StringComparer.Ordinal)
    {
        ["Dense"] = Kernels,
        ["SimpleRNN"] = Kernels,
        ["LSTM"] = Kernels,
        ["GRU"] = Kernels,
        ["CuDNNLSTM"] = Kernels,
        ["CuDNNGRU"] = Kernels,
        ["Embedding"] = new(StringComparer.Ordinal) { ["embeddings"] = "W" },
        ["Convolution1D"] = Kernels,
        ["Convolution2D"] = Kernels,
        ["Convolution3D"] = Kernels,
        ["AtrousConvolution1D"] = Kernels,
        ["AtrousConvolution2D"] = Kernels,
        ["Deconvolution2D"] = Kernels,
        ["MaxoutDense"] = Kernels,
        ["SeparableConvolution2D"] = new(StringComparer.Ordinal)
        {
            ["depthwise_kernel"] = "depthwise_kernel",
            ["pointwise_kernel"] = "pointwise_kernel",
            ["bias"] = "b",
        },
        ["BatchNormalization"] = new(StringComparer.Ordinal)
        {
            ["gamma"] = "gamma",
            ["beta"] = "beta",
            ["moving_mean"] = "running_mean",
            ["moving_variance"] = "running_std",
        },
        ["Highway"] = new(StringComparer.Ordinal)
        {
            ["kernel"] = "W",
            ["carry_kernel"] = "W_carry",
            ["bias"] = "b",
            ["carry_bias"] = "b_carry",
        },
    };

    private static readonly HashSet<string> Recurrent = new(["SimpleRNN", "LSTM", "GRU", "CuDNNLSTM", "CuDNNGRU"], StringComparer.Ordinal);

    private Keras1TensorRoles()
    {
    }

    public string TensorName(LayerSpec layer, string role)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(role);
        if (!ByClass.TryGetValue(layer.ClassName, out var names))
        {
            return role;
        }

        if (names.TryGetValue(role, out var name))
        {
            return $"{layer.Name}_{name}";
        }

        // a per-gate role: kernel_i is <layer>_W_i
        var gate = role.LastIndexOf('_');
        return Recurrent.Contains(layer.ClassName) && gate > 0 && names.TryGetValue(role[..gate], out var perGate)
            ? $"{layer.Name}_{perGate}{role[gate..]}"
            : role;
    }

    public bool StoresGatesApart(LayerSpec layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.Config["consume_less"]?.AsString() != "gpu";
    }
}
