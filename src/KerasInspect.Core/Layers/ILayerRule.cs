using KerasInspect.Core.Model;

namespace KerasInspect.Core.Layers;

/// <summary>
/// The knowledge of one Keras layer class: output shapes, expected tensors and the formula, from its config and inputs.
/// The optional members say what else other parts need to know about the class; each defaults to "nothing known".
/// </summary>
public interface ILayerRule
{
    /// <summary>The Keras class names this rule handles (<c>"LSTM"</c>; identity rules handle several).</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <exception cref="LayerRuleException">The config or the inputs do not allow a plan.</exception>
    LayerPlan Plan(LayerContext context);

    /// <summary>The names <c>calc</c> gives positional arguments: the Keras constructor's first parameters, in order.</summary>
    IReadOnlyList<string> PositionalArguments(string className) => [];

    /// <summary>Whether the class's input is a sequence (b, T, f), so calc's bare <c>--input 64</c> means 64 features per step.</summary>
    bool TakesSequence(string className) => false;

    /// <summary>The stored tensor whose shape gives the layer's input width when its input shape is unknown; null when none does.</summary>
    InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) => null;

    /// <summary>A known cause of a stored shape that differs from the expected one, in words; null when none is known.</summary>
    /// <param name="role">The last part of the tensor's name (<c>bias</c>).</param>
    string? MismatchHint(string className, string role, IReadOnlyList<long> expected, IReadOnlyList<long> stored) => null;

    /// <summary>The sub-layers the layer creates, in the order it creates them (a Keras 3 weights store lists them alphabetically).</summary>
    IReadOnlyList<string> SubLayers => [];
}
