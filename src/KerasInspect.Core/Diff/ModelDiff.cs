using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Core.Diff;

/// <summary>
/// OLD against NEW for one model: every layer pair, and the totals a reviewer reads first: parameters (stored when
/// both files store weights, else what the configs imply), the trainable split, file sizes and unsafe findings that
/// NEW adds or drops. For a model only one side has (a folder diff), <see cref="Old"/> or <see cref="New"/> is null
/// and there are no layer pairs; when a side could not be read, its report carries the error.
/// </summary>
public sealed record ModelDiff(string? OldPath, string? NewPath, FileReport? Old, FileReport? New)
{
    public IReadOnlyList<LayerDiff> Layers { get; init; } = [];

    /// <summary>File sizes in bytes; null when not known (no file on that side).</summary>
    public long? OldSize { get; init; }

    public long? NewSize { get; init; }

    /// <summary>Unsafe findings of NEW that OLD does not have (matched by code and paired layer); a reviewer's first line.</summary>
    public IReadOnlyList<Diagnostic> UnsafeAdded { get; init; } = [];

    public IReadOnlyList<Diagnostic> UnsafeRemoved { get; init; } = [];

    /// <summary>Why the model fails the run's <see cref="DiffPolicy"/>; empty when it passes (set by <see cref="DiffPolicy.Apply"/>).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    public bool Readable => Old?.Error is null && New?.Error is null;

    /// <summary>changed, unchanged, added, removed or error.</summary>
    public string Status => !Readable ? "error"
        : Old is null ? "added"
        : New is null ? "removed"
        : Layers.Any(l => l.IsChanged) || ParamsChange != 0 || UnsafeAdded.Count > 0 || UnsafeRemoved.Count > 0 ? "changed"
        : "unchanged";

    /// <summary>"stored" when both files store weights (the totals are then stored counts), else "expected".</summary>
    public string Basis => Old?.StoredParams is not null && New?.StoredParams is not null ? "stored" : "expected";

    public long? OldParams => Params(Old);

    public long? NewParams => Params(New);

    /// <summary>NEW − OLD; a model only in NEW grows by all of it, one only in OLD shrinks by all of it.</summary>
    public long? ParamsChange => !Readable ? null : checked((NewParams ?? 0) - (OldParams ?? 0));

    /// <summary>The change as a fraction of OLD (0.1 is 10%); null when OLD has no parameters or is absent.</summary>
    public double? RelativeChange => ParamsChange is { } change && OldParams is > 0 and var old ? (double)change / old : null;

    public IReadOnlyList<LayerDiff> ChangedLayers => [.. Layers.Where(l => l.IsChanged)];

    private long? Params(FileReport? report) => report is null || report.Error is not null ? null
        : Basis == "stored" ? report.StoredParams : report.ExpectedParams;

    /// <summary>Pairs the layers of two readable reports and compares every pair.</summary>
    public static ModelDiff Compare(string? oldPath, string? newPath, FileReport? old, FileReport? @new)
    {
        var diff = new ModelDiff(oldPath, newPath, old, @new);
        if (old is null || @new is null || old.Error is not null || @new.Error is not null)
        {
            return diff;
        }

        var oldFacts = LayerFacts.Of(old);
        var newFacts = LayerFacts.Of(@new);
        var pairs = LayerPairing.Pair(oldFacts, newFacts);
        var oldToNew = pairs.Where(p => p.Old is not null && p.New is not null).ToDictionary(p => p.Old!, p => p.New!);
        var layers = pairs.Select(p =>
        {
            var layer = new LayerDiff(p.Kind, p.Old, p.New)
            {
                OldInboundInNewNames = p.Old is null ? [] : [.. p.Old.Inbound.Select(n => LayerPairing.Rename(n, oldFacts, oldToNew))],
            };
            return layer with { ConfigChanges = ShapeKeys.Compare(p.Old?.Spec, p.New?.Spec, layer.Material) };
        }).ToList();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (before, after) in oldToNew)
        {
            names.TryAdd(before.Name, after.Name); // a config may repeat a name (a finding of its own)
        }

        var oldUnsafe = Unsafe(old).Select(f => Key(f, names)).ToList();
        var newUnsafe = Unsafe(@new).ToList();
        var added = new List<Diagnostic>();
        foreach (var finding in newUnsafe)
        {
            if (!oldUnsafe.Remove(Key(finding, null)))
            {
                added.Add(finding);
            }
        }

        var newKeys = newUnsafe.Select(f => Key(f, null)).ToList();
        var removed = Unsafe(old).Where(f => !newKeys.Remove(Key(f, names))).ToList();
        return diff with { Layers = layers, UnsafeAdded = added, UnsafeRemoved = removed };
    }

    private static IEnumerable<Diagnostic> Unsafe(FileReport report) => report.Findings.Where(f => f.Severity == DiagnosticSeverity.Unsafe);

    /// <summary>A finding's identity across the two files: its code and its layer under NEW's name (or its message when it names no layer).</summary>
    private static string Key(Diagnostic finding, IReadOnlyDictionary<string, string>? oldToNewNames) =>
        finding.Code + "\u0000" + (finding.Layer is { } layer ? oldToNewNames?.GetValueOrDefault(layer) ?? layer : finding.Message);
}
