using System.Globalization;
using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>Formats the numbers of a formula the same way everywhere: plain invariant digits in terms, separators in results.</summary>
internal static class Formula
{
    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Total(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
