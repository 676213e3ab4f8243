using System.Globalization;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Audit;

/// <summary>
/// Recognisable causes of a shape mismatch (param-formulas.md §3): the owning class's rule knows its own (a GRU's
/// <c>reset_after</c>, a CuDNN LSTM bias); a kernel whose input or output width disagrees with the config is any class's.
/// </summary>
internal static class MismatchHints
{
    /// <param name="className">The class that owns the tensor (the wrapped class for Bidirectional and TimeDistributed).</param>
    public static string? For(LayerRules rules, string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored) =>
        rules.Find(className)?.MismatchHint(className, role, expected, stored) ?? Kernel(role, expected, stored);

    private static string? Kernel(string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored)
    {
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
