using System.Globalization;

namespace KerasInspect.Core.Audit;

/// <summary>
/// Recognisable causes of a shape mismatch (param-formulas.md §3): a GRU's <c>reset_after</c>, a CuDNN LSTM bias,
/// a kernel whose input width or output width disagrees with the config.
/// </summary>
internal static class MismatchHints
{
    /// <param name="className">The class that owns the tensor (the wrapped class for Bidirectional and TimeDistributed).</param>
    public static string? For(string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored)
    {
        if (role == "bias" && className == "GRU")
        {
            if (expected.Count == 1 && stored.Count == 2 && stored[0] == 2 && stored[1] == expected[0])
            {
                return "a (2, 3u) bias means the weights were saved with reset_after=True, but the config says reset_after=False";
            }

            if (expected.Count == 2 && stored.Count == 1 && stored[0] == expected[1])
            {
                return "a (3u,) bias means the weights were saved with reset_after=False, but the config says reset_after=True";
            }
        }

        if (role == "bias" && className == "LSTM" && expected.Count == 1 && stored.Count == 1 && stored[0] == 2 * expected[0])
        {
            return "an 8u bias is the CuDNNLSTM layout: these weights come from a CuDNN-trained model";
        }

        if (role == "kernel" && expected.Count == 2 && stored.Count == 2)
        {
            if (expected[1] == stored[1] && expected[0] != stored[0])
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"the stored kernel takes {stored[0]} inputs but the inferred input has {expected[0]} features: check the layers before it (Flatten, merge_mode, return_sequences)");
            }

            if (expected[0] == stored[0] && expected[1] != stored[1])
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"the stored kernel has {stored[1]} output columns, the config implies {expected[1]}: the config's units disagree with the weights");
            }
        }

        return null;
    }
}
