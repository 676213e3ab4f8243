using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>Flatten</c>: (b, d1, …, dn) → (b, d1·…·dn), unknown when any dn is.</summary>
internal sealed class FlattenRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Flatten"];

    public LayerPlan Plan(LayerContext context)
    {
        if (context.Input is not { } input)
        {
            return LayerPlan.Weightless((Shapes.Shape?)null);
        }

        long? product = 1;
        foreach (var dim in input.Dimensions.Skip(1))
        {
            product = product is null || dim is null ? null : checked(product.Value * dim.Value);
        }

        return LayerPlan.Weightless(Shapes.Shape.Of(input[0], product));
    }
}
