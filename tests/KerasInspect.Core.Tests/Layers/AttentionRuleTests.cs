using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>MultiHeadAttention, Attention and AdditiveAttention, param-formulas.md §2.6.</summary>
public sealed class AttentionRuleTests
{
    private static Model.LayerSpec Mha(params (string Key, object? Value)[] config) => Build.Layer("MultiHeadAttention", "mha", config);

    [Fact]
    public void Self_attention_with_two_heads_of_16_on_64_matches_the_worked_example()
    {
        // §4: query, key, value each 64·2·16 + 2·16 = 2,080; output 2·16·64 + 64 = 2,112; 3·2,080 + 2,112 = 8,352
        var layer = Build.Call(Mha(("num_heads", 2), ("key_dim", 16)), Shape.Of(null, 10, 64), Shape.Of(null, 10, 64));

        Assert.Equal(8_352L, layer.ExpectedParams);
        Assert.Equal(
            ["query/kernel 64×2×16", "query/bias 2×16", "key/kernel 64×2×16", "key/bias 2×16", "value/kernel 64×2×16", "value/bias 2×16",
             "attention_output/kernel 2×16×64", "attention_output/bias 64"],
            layer.Tensors!.Select(t => $"{t.Name} {string.Join("×", t.Shape)}"));
        Assert.Equal("MultiHeadAttention: 2 × 16 × (64 + 1) + 2 × 16 × (64 + 1) + 2 × 16 × (64 + 1) + 2 × 16 × 64 + 64 = 8,352", layer.Derivation);
        Assert.Equal(Shape.Of(null, 10, 64), layer.OutputShapes.Single());
    }

    [Fact]
    public void Eight_heads_of_64_on_512_matches_the_worked_example()
    {
        // §4: 3·(512·512 + 512) + 512·512 + 512 = 4·262,656 = 1,050,624
        var layer = Build.Call(Mha(("num_heads", 8), ("key_dim", 64)), Shape.Of(null, 20, 512), Shape.Of(null, 20, 512));

        Assert.Equal(1_050_624L, layer.ExpectedParams);
    }

    [Fact]
    public void Without_bias_only_the_four_kernels_remain()
    {
        // 3·(64·2·16) + 2·16·64 = 3·2,048 + 2,048 = 8,192
        var layer = Build.Call(Mha(("num_heads", 2), ("key_dim", 16), ("use_bias", false)), Shape.Of(null, 10, 64), Shape.Of(null, 10, 64));

        Assert.Equal(8_192L, layer.ExpectedParams);
        Assert.All(layer.Tensors!, t => Assert.EndsWith("/kernel", t.Name, StringComparison.Ordinal));
        Assert.Equal("MultiHeadAttention: 2 × 16 × 64 + 2 × 16 × 64 + 2 × 16 × 64 + 2 × 16 × 64 = 8,192", layer.Derivation);
    }

    [Fact]
    public void Cross_attention_with_key_value_dim_and_output_shape_uses_each_input()
    {
        // H=4, K=8, V=16, Do=32; query 20, value 12, key 6:
        // query 20·4·8 + 32 = 672; key 6·4·8 + 32 = 224; value 12·4·16 + 64 = 832; output 4·16·32 + 32 = 2,080; total 3,808
        var layer = Build.Call(
            Mha(("num_heads", 4), ("key_dim", 8), ("value_dim", 16), ("output_shape", 32)),
            Shape.Of(null, 5, 20), Shape.Of(null, 7, 12), Shape.Of(null, 7, 6));

        Assert.Equal(3_808L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 5, 32), layer.OutputShapes.Single());
        Assert.Equal([4L, 16, 32], layer.Tensors!.Single(t => t.Name == "attention_output/kernel").Shape);
    }

    [Fact]
    public void Output_shape_as_a_list_shapes_the_output_kernel_and_bias()
    {
        // output_shape [2, 8]: attention_output/kernel (2, 16, 2, 8) = 512, bias (2, 8) = 16; 3·2,080 + 528 = 6,768
        var layer = Build.Call(Mha(("num_heads", 2), ("key_dim", 16), ("output_shape", new[] { 2, 8 })), Shape.Of(null, 10, 64), Shape.Of(null, 10, 64));

        Assert.Equal(6_768L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 10, 2, 8), layer.OutputShapes.Single());
    }

    [Fact]
    public void A_call_naming_only_the_query_takes_value_shape_from_the_tf_keras_config()
    {
        // tf.keras passes value as a keyword argument and records value_shape; key defaults to value:
        // query 64·32 + 32 = 2,080; key and value 32·32 + 32 = 1,056 each; output 32·64 + 64 = 2,112; total 6,304
        var layer = Build.One(
            Mha(("num_heads", 2), ("key_dim", 16), ("query_shape", new int?[] { null, 10, 64 }), ("value_shape", new int?[] { null, 20, 32 })),
            null, 10, 64);

        Assert.Equal(6_304L, layer.ExpectedParams);
    }

    [Fact]
    public void A_call_naming_only_the_query_without_value_shape_is_unverified()
    {
        var analysis = Build.Analyze(Shape.Of(null, 10, 64), Mha(("num_heads", 2), ("key_dim", 16)));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        Assert.Equal("KI1002", Assert.Single(analysis.Diagnostics).Code);
    }

    [Theory]
    [InlineData(false, "dot", 0L)]     // defaults: no weights
    [InlineData(true, "dot", 1L)]      // scale ()
    [InlineData(false, "concat", 1L)]  // concat_score_weight ()
    [InlineData(true, "concat", 2L)]   // both scalars
    public void Luong_attention_stores_at_most_two_scalars(bool useScale, string mode, long expected)
    {
        var layer = Build.Call(Build.Layer("Attention", "att", ("use_scale", useScale), ("score_mode", mode)), Shape.Of(null, 5, 16), Shape.Of(null, 7, 16));

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.All(layer.Tensors!, t => Assert.Empty(t.Shape));
        Assert.Equal(Shape.Of(null, 5, 16), layer.OutputShapes.Single());
    }

    [Fact]
    public void Attention_output_takes_the_value_width()
    {
        // [query (5, 16), value (7, 24), key (7, 16)] → (5, 24)
        var layer = Build.Call(Build.Layer("Attention", "att"), Shape.Of(null, 5, 16), Shape.Of(null, 7, 24), Shape.Of(null, 7, 16));

        Assert.Equal(Shape.Of(null, 5, 24), layer.OutputShapes.Single());
    }

    [Theory]
    [InlineData(null, 64L)]   // §4: use_scale defaults to true: scale (64)
    [InlineData(true, 64L)]
    [InlineData(false, 0L)]
    public void Additive_attention_scales_each_dimension_by_default(bool? useScale, long expected)
    {
        var layer = Build.Call(Build.Layer("AdditiveAttention", "add", ("use_scale", useScale)), Shape.Of(null, 5, 64), Shape.Of(null, 9, 64));

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(expected == 0 ? "" : "scale", string.Join(" ", layer.Tensors!.Select(t => t.Name)));
    }

    [Fact]
    public void Attention_on_a_single_input_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 5, 16), Build.Layer("Attention", "att"));

        Assert.Equal("Attention takes [query, value] or [query, value, key], it has 1 input(s)", Assert.Single(analysis.Diagnostics).Message);
    }
}
