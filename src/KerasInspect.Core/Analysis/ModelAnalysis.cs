using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Analysis;

/// <summary>The expected parameters of a whole model: every layer in config order, the model's output shapes and the findings.</summary>
public sealed record ModelAnalysis(ModelDescription Model, IReadOnlyList<LayerAnalysis> Layers, IReadOnlyList<Shape?> Outputs, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Sum over the verified layers (unverified ones are counted in <see cref="UnverifiedLayers"/>).</summary>
    public long ExpectedParams => Sum(l => l.ExpectedParams);

    public long TrainableParams => Sum(l => l.TrainableParams);

    public long NonTrainableParams => Sum(l => l.NonTrainableParams);

    public int UnverifiedLayers => Layers.Count(l => !l.IsVerified);

    private long Sum(Func<LayerAnalysis, long?> part) => Layers.Aggregate(0L, (sum, l) => checked(sum + (part(l) ?? 0)));
}
