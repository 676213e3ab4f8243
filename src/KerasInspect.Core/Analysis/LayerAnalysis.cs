using System.Globalization;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Analysis;

/// <summary>
/// What the config implies for one layer: shapes of its first call, the tensors it must store and their sum. A layer
/// without a usable rule has null <see cref="Tensors"/> and counts: it is unverified, never given an invented number.
/// </summary>
public sealed record LayerAnalysis(LayerSpec Layer)
{
    public IReadOnlyList<Shape?> InputShapes { get; init; } = [];

    public IReadOnlyList<Shape?> OutputShapes { get; init; } = [];

    /// <summary>The expected tensors, with trainability already resolved; null when the layer is unverified.</summary>
    public IReadOnlyList<ExpectedTensor>? Tensors { get; init; }

    /// <summary>The rule's formula, e.g. <c>4 × (64 + 32 + 1) × 32</c>; null when unverified.</summary>
    public string? Formula { get; init; }

    /// <summary>The layers of a nested model, when this layer is one.</summary>
    public IReadOnlyList<LayerAnalysis> Children { get; init; } = [];

    public long? ExpectedParams { get; init; }

    public long? TrainableParams { get; init; }

    public long? NonTrainableParams { get; init; }

    public bool IsVerified => ExpectedParams is not null;

    /// <summary>The finding that the layer's input shape could not be inferred, when that is why it is unverified.</summary>
    internal Diagnostic? InputUnknownFinding { get; init; }

    /// <summary>The derivation a person can follow: <c>LSTM: 4 × (64 + 32 + 1) × 32 = 12,416</c>.</summary>
    public string? Derivation => Formula is null || ExpectedParams is not { } total ? null
        : Formula == "0" ? "0 (no weights)"
        : string.Create(CultureInfo.InvariantCulture, $"{Layer.ClassName}: {Formula} = {total:N0}");
}
