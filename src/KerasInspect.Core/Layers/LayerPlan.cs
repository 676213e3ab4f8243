using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Layers;

/// <summary>
/// What a rule derives for one layer: its output shapes, the tensors it must store and the formula behind them
/// (<c>4 × (64 + 32 + 1) × 32</c>). The parameter count is always the sum of the tensors' sizes.
/// </summary>
public sealed record LayerPlan(IReadOnlyList<Shape?> Outputs, IReadOnlyList<ExpectedTensor> Tensors, string Formula)
{
    public static LayerPlan Weightless(params Shape?[] outputs) => new(outputs, [], "0");

    public long ParameterCount => Tensors.Aggregate(0L, (sum, t) => checked(sum + t.Size));
}
