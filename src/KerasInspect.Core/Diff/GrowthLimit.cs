using System.Globalization;

namespace KerasInspect.Core.Diff;

/// <summary>
/// How much a model may grow: a fraction of OLD's parameters (<c>10%</c>) or a count (<c>50k</c>). Shrinking never
/// exceeds it. A model that is new in NEW grows from nothing: only a count limit applies to it.
/// </summary>
public sealed record GrowthLimit(double? Fraction, long? Count)
{
    /// <summary>Why the model's growth exceeds the limit, or null when it does not.</summary>
    public string? Exceeded(ModelDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.ParamsChange is not (> 0 and var growth))
        {
            return null;
        }

        if (Count is { } count)
        {
            return growth > count
                ? string.Create(CultureInfo.InvariantCulture, $"parameters grew by {growth:N0}, more than --max-growth {count:N0}")
                : null;
        }

        return diff.RelativeChange is { } relative && relative > Fraction
            ? string.Create(CultureInfo.InvariantCulture, $"parameters grew by {relative * 100:0.##}%, more than --max-growth {this}")
            : null;
    }

    public override string ToString() => Count is { } count
        ? count.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Fraction * 100:0.###}%");
}
