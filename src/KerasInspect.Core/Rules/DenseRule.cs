using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Rules;

/// <summary><c>Dense</c>: kernel (f, u) and bias (u); on N-D input only the last axis enters the kernel.</summary>
internal sealed class DenseRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Dense"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["units"];

    public InputWidthSource? InputWidth(LayerSpec layer, LayerRules rules) =>
        new("kernel", shape => shape.Count == 2 ? (2, shape[0]) : null);

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var features = context.InputFeatures();
        var units = context.Long("units");
        var useBias = context.Bool("use_bias", true);
        List<ExpectedTensor> tensors = [new("kernel", [features, units])];
        if (useBias)
        {
            tensors.Add(new("bias", [units]));
        }

        var formula = useBias
            ? $"{Formula.N(features)} × {Formula.N(units)} + {Formula.N(units)}"
            : $"{Formula.N(features)} × {Formula.N(units)}";
        return new LayerPlan([input.WithLast(units)], tensors, formula);
    }
}
