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

    /// <summary>The model's name from its config, when there is one.</summary>
    public string? Model { get; init; }

    /// <summary>Optimizer state tensors in the file, reported apart and never counted as parameters; null when not read.</summary>
    public int? OptimizerTensors { get; init; }

    public long ExpectedParams => Sum(l => l.Expected?.ExpectedParams);

    public long TrainableParams => Sum(l => l.Expected?.TrainableParams);

    public long NonTrainableParams => Sum(l => l.Expected?.NonTrainableParams);

    /// <summary>The sum of every stored tensor, whatever the verdicts; null when no weights were read.</summary>
    public long? StoredParams => Layers.Any(l => l.StoredParams is not null) ? Sum(l => l.StoredParams) : null;

    public int UnverifiedLayers => Layers.Count(l => l.Verdict == Verdict.Unverified);

    /// <summary>Findings of unsafe content: Lambda layers, classes from outside Keras, suspicious archive members.</summary>
    public int UnsafeFindings => Findings.Count(f => f.Severity == DiagnosticSeverity.Unsafe);

    /// <summary>True when a layer's verdict is mismatch, missing or unexpected.</summary>
    public bool HasDisagreement => Layers.Any(l => l.Verdict is Verdict.Mismatch or Verdict.Missing or Verdict.Unexpected);

    /// <summary>
    /// The most serious thing found: the highest finding severity, where a disagreeing layer counts as a mismatch and an
    /// unverified layer as unverified; null when there is nothing at all (or the file could not be read).
    /// </summary>
    public DiagnosticSeverity? WorstSeverity
    {
        get
        {
            var severities = Findings.Select(f => f.Severity).ToList();
            if (HasDisagreement)
            {
                severities.Add(DiagnosticSeverity.Mismatch);
            }

            if (UnverifiedLayers > 0)
            {
                severities.Add(DiagnosticSeverity.Unverified);
            }

            return severities.Count == 0 ? null : severities.Max();
        }
    }

    public static FileReport Failed(string path, string format, FileError error) => new(path, format, null) { Error = error };

    private long Sum(Func<LayerReport, long?> part) => Layers.Aggregate(0L, (sum, l) => checked(sum + (part(l) ?? 0)));
}
