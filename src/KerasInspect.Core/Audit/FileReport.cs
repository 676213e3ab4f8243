using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Core.Audit;

/// <summary>
/// The audit of one input: its format facts, a row per layer, the totals and the findings; or, when the input could not
/// be read, the <see cref="Error"/>. <see cref="Path"/> is null for <c>kerasinspect calc</c>.
/// </summary>
public sealed record FileReport(string? Path, string Format, string? KerasVersion)
{
    public FileError? Error { get; init; }

    public IReadOnlyList<LayerReport> Layers { get; init; } = [];

    public IReadOnlyList<Diagnostic> Findings { get; init; } = [];

    public long ExpectedParams => Sum(l => l.Expected.ExpectedParams);

    public long TrainableParams => Sum(l => l.Expected.TrainableParams);

    public long NonTrainableParams => Sum(l => l.Expected.NonTrainableParams);

    public int UnverifiedLayers => Layers.Count(l => l.Verdict == Verdict.Unverified);

    public static FileReport Failed(string path, string format, FileError error) => new(path, format, null) { Error = error };

    private long Sum(Func<LayerReport, long?> part) => Layers.Aggregate(0L, (sum, l) => checked(sum + (part(l) ?? 0)));
}
