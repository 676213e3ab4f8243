using KerasInspect.Core.Audit;

namespace KerasInspect.Core.Diff;

/// <summary>
/// One layer of OLD against its counterpart in NEW (or alone, when added or removed): what changed in its class,
/// shape-deciding config, output shapes, parameters, trainability, verdict and inbound layers. Deltas are NEW − OLD;
/// an added layer's delta is its whole count, a removed layer's minus its count; null when a side's count is unknown.
/// </summary>
public sealed record LayerDiff(PairingKind Pairing, LayerFacts? Old, LayerFacts? New)
{
    public IReadOnlyList<ConfigChange> ConfigChanges { get; init; } = [];

    /// <summary>OLD's inbound layers renamed to their NEW counterparts, to compare with NEW's; a layer with no counterpart keeps its name.</summary>
    public IReadOnlyList<string> OldInboundInNewNames { get; init; } = [];

    public string Name => New?.Name ?? Old!.Name;

    /// <summary>Both classes known (a side with no config has none) and different.</summary>
    public bool ClassChanged => Old?.Spec is not null && New?.Spec is not null && !string.Equals(Old.ClassName, New.ClassName, StringComparison.Ordinal);

    public bool Renamed => Old is not null && New is not null && !string.Equals(Old.Name, New.Name, StringComparison.Ordinal);

    public bool OutputShapeChanged => Old is not null && New is not null && Old.Spec is not null && New.Spec is not null
        && !Old.OutputShapes.SequenceEqual(New.OutputShapes);

    /// <summary>
    /// True when what the layer computes may differ: its tensors, counts or output shapes changed, or a side is
    /// unverified so they cannot be known. Config changes are reported only then (<see cref="ShapeKeys"/>).
    /// </summary>
    public bool Material => Old is null || New is null || Old.TensorShapes is null || New.TensorShapes is null
        || !Old.TensorShapes.SequenceEqual(New.TensorShapes, ShapeComparer.Instance)
        || ExpectedDelta is not 0 || StoredDelta is not (0 or null) || OutputShapeChanged;

    public long? ExpectedDelta => Delta(f => f.ExpectedParams);

    public long? StoredDelta => Delta(f => f.StoredParams);

    public long? TrainableDelta => Delta(f => f.TrainableParams);

    public long? NonTrainableDelta => Delta(f => f.NonTrainableParams);

    /// <summary>
    /// Parameters that moved from trainable to non-trainable (a layer frozen; negative when unfrozen): the part of the
    /// trainable change that the non-trainable change balances. 0 when nothing moved.
    /// </summary>
    public long FrozenParams => Old is null || New is null || TrainableDelta is not { } t || NonTrainableDelta is not { } n
        ? 0
        : t < 0 && n > 0 ? Math.Min(-t, n)
        : t > 0 && n < 0 ? -Math.Min(t, -n)
        : 0;

    /// <summary>A verdict that changed; a side with nothing stored (no-weights) has nothing to compare, so it never counts.</summary>
    public bool VerdictChanged => Old is not null && New is not null && Old.Verdict != New.Verdict
        && Old.Verdict != Verdict.NoWeights && New.Verdict != Verdict.NoWeights;

    public bool InboundChanged => Old is not null && New is not null && Old.Spec is not null && New.Spec is not null
        && !OldInboundInNewNames.SequenceEqual(New.Inbound, StringComparer.Ordinal);

    /// <summary>True when anything at all differs, a rename included (an input layer's name aside: Keras versions name inputs differently).</summary>
    public bool IsChanged => Pairing is PairingKind.Added or PairingKind.Removed
        || (Renamed && !New!.IsInput) || ClassChanged || ConfigChanges.Count > 0 || OutputShapeChanged || ExpectedDelta is not (0 or null)
        || StoredDelta is not (0 or null)
        || TrainableDelta is not (0 or null) || VerdictChanged || InboundChanged;

    private long? Delta(Func<LayerFacts, long?> count) => (Old, New) switch
    {
        (null, { } added) => count(added),
        ({ } removed, null) => count(removed) is { } c ? checked(-c) : null,
        ({ } before, { } after) => count(before) is { } b && count(after) is { } a ? checked(a - b) : null,
        _ => null,
    };

    private sealed class ShapeComparer : IEqualityComparer<IReadOnlyList<long>>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(IReadOnlyList<long>? x, IReadOnlyList<long>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<long> obj) => obj.Count;
    }
}
