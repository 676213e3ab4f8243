namespace KerasInspect.Core.Layers;

/// <summary>The knowledge of one Keras layer class: output shapes, expected tensors and the formula, from its config and inputs.</summary>
public interface ILayerRule
{
    /// <summary>The Keras class names this rule handles (<c>"LSTM"</c>; identity rules handle several).</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <exception cref="LayerRuleException">The config or the inputs do not allow a plan.</exception>
    LayerPlan Plan(LayerContext context);
}
