namespace KerasInspect.Core.Diff;

/// <summary>
/// One config key that decides shapes or counts, with its value on each side as the config spells it (JSON);
/// null when that side's config leaves the key out. A wrapped layer's keys are prefixed: <c>layer.units</c>.
/// </summary>
public sealed record ConfigChange(string Key, string? Old, string? New);
