using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>MultiHeadAttention</c> (H = <c>num_heads</c>, K = <c>key_dim</c>, V = <c>value_dim</c> or K): query/kernel (Dq, H, K),
/// key/kernel (Dk, H, K), value/kernel (Dv, H, V), attention_output/kernel (H, V, Do…), and with <c>use_bias</c> their
/// biases (H, K), (H, K), (H, V), (Do…). Inputs [query, value] or [query, value, key] (key = value when absent); a call
/// that names only the query takes the others from the config's <c>value_shape</c>/<c>key_shape</c> (tf.keras). Output: the
/// query with its last axis replaced by <c>output_shape</c>, or kept.
/// </summary>
internal sealed class MultiHeadAttentionRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["MultiHeadAttention"];

    public IReadOnlyList<string> SubLayers => ["query_dense", "key_dense", "value_dense", "output_dense"];

    public LayerPlan Plan(LayerContext context)
    {
        var heads = context.Long("num_heads");
        var keyDim = context.Long("key_dim");
        var valueDim = context.Long("value_dim", keyDim, 1);
        var query = Input(context, 0, "query_shape") ?? throw context.Unknown("the query's shape is unknown");
        var value = Input(context, 1, "value_shape") ?? throw context.Unknown("the value's shape is unknown: the call names only the query and the config has no 'value_shape'");
        var key = Input(context, 2, "key_shape") ?? value;
        var (dq, dv, dk) = (context.Features(query), context.Features(value), context.Features(key));
        var outputDims = OutputShape(context) ?? [dq];
        var output = outputDims.Aggregate(1L, (p, d) => checked(p * d));
        var useBias = context.Bool("use_bias", true);

        List<ExpectedTensor> tensors = [];
        void Dense(string role, long[] kernel, long[] bias)
        {
            tensors.Add(new($"{role}/kernel", kernel));
            if (useBias)
            {
                tensors.Add(new($"{role}/bias", bias));
            }
        }

        Dense("query", [dq, heads, keyDim], [heads, keyDim]);
        Dense("key", [dk, heads, keyDim], [heads, keyDim]);
        Dense("value", [dv, heads, valueDim], [heads, valueDim]);
        Dense("attention_output", [heads, valueDim, .. outputDims], outputDims);

        var (h, k, v, o) = (Formula.N(heads), Formula.N(keyDim), Formula.N(valueDim), Formula.N(output));
        string Projected(long dim) => useBias ? $"({Formula.N(dim)} + 1)" : Formula.N(dim);
        var formula = $"{h} × {k} × {Projected(dq)} + {h} × {k} × {Projected(dk)} + {h} × {v} × {Projected(dv)} + {h} × {v} × {o}" + (useBias ? $" + {o}" : "");
        Shape result = new([.. query.Dimensions.Take(query.Rank - 1), .. outputDims.Select(d => (long?)d)]);
        return new LayerPlan([result], tensors, formula);
    }

    /// <summary>Input <paramref name="index"/> of the call, else the shape the config records under <paramref name="key"/>.</summary>
    private static Shape? Input(LayerContext context, int index, string key)
    {
        if (index < context.Inputs.Count)
        {
            return context.Inputs[index] ?? throw context.Unknown($"input {index} of the call has an unknown shape");
        }

        var value = context.Value(key);
        if (value is null || value.IsNull)
        {
            return null;
        }

        var list = LayerContext.Unwrapped(value);
        if (list.Kind != ConfigKind.Array || list.Items.Count < 2)
        {
            throw context.Invalid($"'{key}' should be a shape with a batch axis, it is {value}", value.Path);
        }

        return new Shape([.. list.Items.Select(item => item.IsNull ? (long?)null
            : item.AsLong() is { } d && d >= 0 ? d : throw context.Invalid($"'{key}' entries must be whole numbers or null, found {item}", item.Path))]);
    }

    /// <summary><c>output_shape</c>: null (the query's last dimension), an int, or a list of dimensions.</summary>
    private static long[]? OutputShape(LayerContext context)
    {
        var value = context.Value("output_shape");
        if (value is null || value.IsNull)
        {
            return null;
        }

        var list = LayerContext.Unwrapped(value);
        return list.Kind != ConfigKind.Array ? [context.Long("output_shape")]
            : list.Items.Count == 0 ? null
            : context.Sizes("output_shape", list.Items.Count, null);
    }
}
