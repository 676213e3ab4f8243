using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>InputLayer</c>: no weights; its output is the shape it declares.</summary>
internal sealed class InputLayerRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["InputLayer"];

    public LayerPlan Plan(LayerContext context) =>
        LayerPlan.Weightless(context.Layer.DeclaredInputShape
            ?? throw context.Invalid("an InputLayer needs 'batch_input_shape' (or 'batch_shape')", null));
}
