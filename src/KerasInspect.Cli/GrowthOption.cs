using System.Globalization;
using KerasInspect.Core.Diff;

namespace KerasInspect.Cli;

/// <summary>The limit <c>--max-growth</c> takes: a percentage of OLD's parameters or a count.</summary>
internal static class GrowthOption
{
    /// <summary>Parses <c>10%</c>, <c>2.5%</c>, <c>50k</c>, <c>1.5M</c> or <c>50000</c>; null when it is none of these.</summary>
    public static GrowthLimit? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
        {
            return double.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && double.IsFinite(percent)
                ? new GrowthLimit(percent / 100, null)
                : null;
        }

        return CountOption.Parse(trimmed) is { } count ? new GrowthLimit(null, count) : null;
    }
}
