using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Keras 1 <c>Highway</c> (also in Keras 2's legacy layers): a transform kernel and a carry kernel, each (f, f), and with
/// <c>bias</c> their biases (f); the output has the input's shape.
/// </summary>
internal sealed class HighwayRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Highway"];

    /// <summary>The kernel (f, f) gives a rank-2 input of width f.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => shape.Count == 2 ? (2, shape[0]) : null);

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput(rank: 2);
        var features = context.Features(input);
        List<ExpectedTensor> tensors = [new("kernel", [features, features]), new("carry_kernel", [features, features])];
        var formula = $"2 × {Formula.N(features)} × {Formula.N(features)}";
        // Keras 2's legacy Highway keeps its Keras 1 key, bias
        if (context.Bool(context.Value("use_bias") is null ? "bias" : "use_bias", true))
        {
            tensors.Add(new("bias", [features]));
            tensors.Add(new("carry_bias", [features]));
            formula += $" + 2 × {Formula.N(features)}";
        }

        return new LayerPlan([input], tensors, formula);
    }
}
