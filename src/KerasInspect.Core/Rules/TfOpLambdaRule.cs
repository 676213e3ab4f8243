using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// tf.keras' TensorFlow-op layers (<c>TFOpLambda</c>, <c>SlicingOpLambda</c>): a TF function applied to tensors, no
/// weights. The output shape is passed on where it follows from the inputs: an elementwise operator (<c>function</c>
/// <c>__operators__.add</c>, <c>math.multiply</c>, <c>nn.relu</c>, …) on inputs of one shape keeps that shape. Any
/// other op's output is unknown, so layers after it fall back to their recorded input shapes or stored kernels.
/// </summary>
internal sealed class TfOpLambdaRule : ILayerRule
{
    private static readonly HashSet<string> Elementwise = new(StringComparer.Ordinal)
    {
        "__operators__.add", "__operators__.sub", "__operators__.mul", "__operators__.truediv", "__operators__.neg",
        "math.add", "math.subtract", "math.multiply", "math.divide", "math.truediv", "math.maximum", "math.minimum",
        "math.pow", "math.squared_difference", "math.negative", "math.abs", "math.exp", "math.log", "math.sqrt",
        "math.rsqrt", "math.square", "math.sigmoid", "math.tanh", "math.softplus", "math.erf", "math.sin", "math.cos",
        "nn.relu", "nn.relu6", "nn.gelu", "nn.silu", "nn.swish", "nn.elu", "nn.selu", "nn.leaky_relu", "nn.softmax",
        "nn.sigmoid", "nn.tanh", "identity", "cast", "clip_by_value", "stop_gradient", "math.add_n",
    };

    public IReadOnlyList<string> ClassNames => ["TFOpLambda", "SlicingOpLambda"];

    public LayerPlan Plan(LayerContext context)
    {
        var function = context.String("function");
        var known = context.Inputs.OfType<Shape>().ToList();
        var passesShape = function is not null && Elementwise.Contains(function)
            && known.Count == context.Inputs.Count && known.Count > 0 && known.All(s => s.Equals(known[0]));
        return LayerPlan.Weightless(passesShape ? known[0] : null);
    }
}
