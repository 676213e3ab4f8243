using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>Layers with no weights whose output has the input's shape: dropouts, noise, activations, masking, unit normalization.</summary>
internal sealed class ShapePreservingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames =>
    [
        "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "AlphaDropout", "GaussianDropout", "GaussianNoise",
        "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "ThresholdedReLU", "Masking", "ActivityRegularization",
        "UnitNormalization",
    ];

    public IReadOnlyList<string> PositionalArguments(string className) => className switch
    {
        "Dropout" or "SpatialDropout1D" or "SpatialDropout2D" or "SpatialDropout3D" or "AlphaDropout" or "GaussianDropout" => ["rate"],
        "GaussianNoise" => ["stddev"],
        "Activation" => ["activation"],
        "Masking" => ["mask_value"],
        _ => [],
    };

    public bool TakesSequence(string className) => className == "SpatialDropout1D";

    public LayerPlan Plan(LayerContext context) => LayerPlan.Weightless(context.Input);
}
