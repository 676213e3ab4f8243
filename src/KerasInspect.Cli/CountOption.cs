using System.Globalization;

namespace KerasInspect.Cli;

/// <summary>The counts <c>--max-params</c> and <c>--max-layer-params</c> take.</summary>
internal static class CountOption
{
    /// <summary>Parses a count such as <c>200000</c>, <c>200k</c>, <c>1.5M</c> or <c>2G</c>; null when it is not one.</summary>
    public static long? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            return null;
        }

        var multiplier = char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => 1_000m,
            'M' => 1_000_000m,
            'G' or 'B' => 1_000_000_000m,
            _ => 1m,
        };
        var number = multiplier == 1m ? trimmed : trimmed[..^1];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (value < 0 || value > long.MaxValue / multiplier)
        {
            return null;
        }

        var count = value * multiplier;
        return count == decimal.Truncate(count) ? (long)count : null;
    }
}
