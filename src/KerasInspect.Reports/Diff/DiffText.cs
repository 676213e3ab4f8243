using System.Globalization;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Diff;

namespace KerasInspect.Reports.Diff;

/// <summary>How the diff writers spell changes, so the table, Markdown and CSV agree: <c>old → new</c>, signed deltas.</summary>
internal static class DiffText
{
    public const string Arrow = "→";

    public static string Pairing(PairingKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary><c>+264</c>, <c>-1,024</c>, <c>0</c>, or <c>?</c> when unknown.</summary>
    public static string Signed(long? delta) => delta switch
    {
        null => "?",
        > 0 => "+" + ReportText.Count(delta),
        _ => ReportText.Count(delta),
    };

    public static string Percent(double? fraction) => fraction is { } f
        ? (f > 0 ? "+" : "") + f.ToString("P2", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)
        : "n/a";

    /// <summary><c>132</c> when equal, <c>132 → 264 (+132)</c> when not (<c>132 → ?</c> when a side is unknown); one side alone for an added or removed layer.</summary>
    public static string Counts(long? old, long? @new, bool hasOld, bool hasNew, long? delta)
    {
        if (!hasOld)
        {
            return ReportText.Count(@new);
        }

        if (!hasNew)
        {
            return ReportText.Count(old);
        }

        return old == @new ? ReportText.Count(old)
            : delta is null ? $"{ReportText.Count(old)} {Arrow} {ReportText.Count(@new)}"
            : $"{ReportText.Count(old)} {Arrow} {ReportText.Count(@new)} ({Signed(delta)})";
    }

    public static string Change(string old, string @new) => string.Equals(old, @new, StringComparison.Ordinal) ? old : $"{old} {Arrow} {@new}";

    public static string Layer(LayerDiff layer) => layer.Renamed ? $"{layer.Old!.Name} {Arrow} {layer.New!.Name}" : layer.Name;

    public static string Class(LayerDiff layer) => layer.Old is { } o && layer.New is { } n ? Change(o.ClassName, n.ClassName) : (layer.New ?? layer.Old)!.ClassName;

    /// <summary>The output shapes, <c>old → new</c> when both are known and differ; a side without a config has none to show.</summary>
    public static string Shapes(LayerDiff layer) =>
        layer.Old is { Spec: not null } o && layer.New is { Spec: not null } n ? Change(ReportText.Shapes(o.OutputShapes), ReportText.Shapes(n.OutputShapes))
        : ReportText.Shapes((layer.New is { Spec: not null } ? layer.New : layer.Old is { Spec: not null } ? layer.Old : layer.New ?? layer.Old)!.OutputShapes);

    public static string Verdict(LayerDiff layer) =>
        layer.Old is { } o && layer.New is { } n ? Change(ReportText.Verdict(o.Verdict), ReportText.Verdict(n.Verdict))
        : ReportText.Verdict((layer.New ?? layer.Old)!.Verdict);

    public static string Config(IReadOnlyList<ConfigChange> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Key} {c.Old ?? "(absent)"} {Arrow} {c.New ?? "(absent)"}"));

    public static string Inbound(IReadOnlyList<string> inbound) => inbound.Count == 0 ? "(none)" : string.Join(", ", inbound);

    /// <summary>What else a reviewer should know of a pair: the pairing, the graph, trainability.</summary>
    public static string Notes(LayerDiff layer)
    {
        var notes = new List<string>();
        if (layer.Pairing == PairingKind.Inferred)
        {
            notes.Add("paired by class and position (names differ)");
        }

        if (layer.InboundChanged)
        {
            notes.Add($"inbound {Inbound(layer.OldInboundInNewNames)} {Arrow} {Inbound(layer.New!.Inbound)}");
        }

        if (layer.FrozenParams != 0)
        {
            notes.Add(layer.FrozenParams > 0
                ? $"{ReportText.Count(layer.FrozenParams)} params trainable {Arrow} non-trainable"
                : $"{ReportText.Count(-layer.FrozenParams)} params non-trainable {Arrow} trainable");
        }

        return string.Join("; ", notes);
    }

    public static string Finding(Diagnostic finding) => ReportText.Finding(finding);

    /// <summary><c>6,404 → 6,668 (+264, +4.12%)</c>.</summary>
    public static string Totals(ModelDiff diff) =>
        $"{ReportText.Count(diff.OldParams)} {Arrow} {ReportText.Count(diff.NewParams)} ({Signed(diff.ParamsChange)}, {Percent(diff.RelativeChange)})";

    /// <summary>The readable models' parameters added up: <c>17,688 → 17,760 (+72, +0.41%)</c>.</summary>
    public static string RunTotals(IReadOnlyList<ModelDiff> models)
    {
        var readable = models.Where(m => m.Readable).ToList();
        // decimal: the sum of many models' 64-bit counts may not fit in 64 bits
        var old = readable.Aggregate(0m, (sum, m) => sum + (m.OldParams ?? 0));
        var @new = readable.Aggregate(0m, (sum, m) => sum + (m.NewParams ?? 0));
        var change = @new - old;
        return string.Create(CultureInfo.InvariantCulture,
            $"{old:N0} {Arrow} {@new:N0} ({(change > 0 ? "+" : "")}{change:N0}, {Percent(old > 0 ? (double)(change / old) : null)})");
    }

    public static string Trainable(ModelDiff diff) =>
        $"trainable {Count(diff.Old?.TrainableParams)} {Arrow} {Count(diff.New?.TrainableParams)}, non-trainable {Count(diff.Old?.NonTrainableParams)} {Arrow} {Count(diff.New?.NonTrainableParams)}";

    public static string Size(ModelDiff diff) =>
        $"{Bytes(diff.OldSize)} {Arrow} {Bytes(diff.NewSize)}" + (diff.OldSize is { } o && diff.NewSize is { } n ? $" ({Signed(n - o)} bytes)" : "");

    public static string LayerCounts(ModelDiff diff)
    {
        var changed = diff.Layers.Count(l => l.IsChanged && l.Pairing is PairingKind.Name or PairingKind.Inferred);
        var added = diff.Layers.Count(l => l.Pairing == PairingKind.Added);
        var removed = diff.Layers.Count(l => l.Pairing == PairingKind.Removed);
        return string.Create(CultureInfo.InvariantCulture, $"{changed} changed, {added} added, {removed} removed, {diff.Layers.Count - changed - added - removed} unchanged");
    }

    private static string Count(long? count) => ReportText.Count(count);

    private static string Bytes(long? size) => size is { } s ? ReportText.Count(s) : "?";
}
