namespace KerasInspect.Core.Audit;

/// <summary>
/// One tensor compared: what the config expects (name, shape, trainability) and what the file stores (shape, path),
/// with the verdict and, where the cause is recognisable, a hint.
/// </summary>
public sealed record TensorCheck(string Name, Verdict Verdict)
{
    public IReadOnlyList<long>? ExpectedShape { get; init; }

    public bool? Trainable { get; init; }

    public IReadOnlyList<long>? StoredShape { get; init; }

    /// <summary>The dataset's path in the file, e.g. <c>/model_weights/lstm/lstm/lstm_cell/kernel:0</c>.</summary>
    public string? StoredPath { get; init; }

    public string? Hint { get; init; }
}
