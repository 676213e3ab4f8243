using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Keras 1 <c>MaxoutDense</c> (also in Keras 2's legacy layers): kernel <c>(nb_feature, f, u)</c> and bias
/// <c>(nb_feature, u)</c>, <c>nb_feature</c> 4 by default; the output keeps the maximum over the pieces, (None, u).
/// </summary>
internal sealed class MaxoutDenseRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["MaxoutDense"];

    /// <summary>The kernel (nb_feature, f, u) gives a rank-2 input of width f.</summary>
    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => shape.Count == 3 ? (2, shape[1]) : null);

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput(rank: 2);
        var features = context.Features(input);
        // Keras 2's legacy MaxoutDense keeps its Keras 1 keys (output_dim, bias)
        var units = context.Long(context.Value("units") is null ? "output_dim" : "units");
        var pieces = context.Long("nb_feature", 4, 1);
        List<ExpectedTensor> tensors = [new("kernel", [pieces, features, units])];
        var formula = $"{Formula.N(pieces)} × {Formula.N(features)} × {Formula.N(units)}";
        if (context.Bool(context.Value("use_bias") is null ? "bias" : "use_bias", true))
        {
            tensors.Add(new("bias", [pieces, units]));
            formula += $" + {Formula.N(pieces)} × {Formula.N(units)}";
        }

        return new LayerPlan([input.WithLast(units)], tensors, formula);
    }
}
