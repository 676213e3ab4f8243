using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Layers without weights still change shapes, and the next layer's count depends on them.</summary>
public sealed class WeightlessRuleTests
{
    [Theory]
    [InlineData("Dropout")]
    [InlineData("SpatialDropout1D")]
    [InlineData("Activation")]
    [InlineData("Masking")]
    [InlineData("LeakyReLU")]
    [InlineData("GaussianNoise")]
    public void Shape_preserving_layer_has_no_weights_and_keeps_the_shape(string className)
    {
        var layer = Build.One(Build.Layer(className, "layer"), null, 10, 64);

        Assert.Equal(0L, layer.ExpectedParams);
        Assert.Equal("0 (no weights)", layer.Derivation);
        Assert.Equal(Shape.Of(null, 10, 64), layer.OutputShapes.Single());
    }

    [Fact]
    public void Flatten_then_dense_sees_the_product_of_the_dimensions()
    {
        // (None, 26, 26, 32) → 21,632 → Dense(10): 21,632·10 + 10 = 216,330
        var analysis = Build.Analyze(Shape.Of(null, 26, 26, 32), Build.Layer("Flatten", "flatten"), Build.Layer("Dense", "dense", ("units", 10)));

        Assert.Equal(Shape.Of(null, 21_632), analysis.Layers[0].OutputShapes.Single());
        Assert.Equal(216_330L, analysis.ExpectedParams);
    }

    [Fact]
    public void Flatten_of_a_variable_length_sequence_is_unknown_and_the_next_dense_unverified()
    {
        var analysis = Build.Analyze(Shape.Of(null, null, 8), Build.Layer("Flatten", "flatten"), Build.Layer("Dense", "dense", ("units", 10)));

        Assert.Equal(0L, analysis.Layers[0].ExpectedParams);
        Assert.Null(analysis.Layers[1].ExpectedParams);
        Assert.Equal("KI1002", Assert.Single(analysis.Diagnostics).Code);
    }

    [Fact]
    public void Reshape_solves_minus_one_from_the_element_count()
    {
        var layer = Build.One(Build.Layer("Reshape", "reshape", ("target_shape", new[] { -1, 4 })), null, 6, 10);

        Assert.Equal(Shape.Of(null, 15, 4), layer.OutputShapes.Single()); // 60 / 4
    }

    [Fact]
    public void Reshape_that_does_not_divide_is_a_finding()
    {
        var analysis = Build.Analyze(Shape.Of(null, 7), Build.Layer("Reshape", "reshape", ("target_shape", new[] { -1, 2 })));

        Assert.Equal("KI1003", Assert.Single(analysis.Diagnostics).Code);
    }

    [Fact]
    public void Permute_reorders_the_non_batch_axes()
    {
        var layer = Build.One(Build.Layer("Permute", "permute", ("dims", new[] { 2, 1 })), null, 10, 64);

        Assert.Equal(Shape.Of(null, 64, 10), layer.OutputShapes.Single());
    }

    [Fact]
    public void RepeatVector_adds_a_time_axis_for_the_decoder()
    {
        // encoder LSTM(16) on 4 → RepeatVector(5) → LSTM(16, seq) on 16: 4·16·(4+16+1) = 1,344 and 4·16·(16+16+1) = 2,112
        var analysis = Build.Analyze(
            Shape.Of(null, 10, 4),
            Build.Layer("LSTM", "encoder", ("units", 16)),
            Build.Layer("RepeatVector", "repeat", ("n", 5)),
            Build.Layer("LSTM", "decoder", ("units", 16), ("return_sequences", true)));

        Assert.Equal(Shape.Of(null, 5, 16), analysis.Layers[1].OutputShapes.Single());
        Assert.Equal([1_344L, 0, 2_112], analysis.Layers.Select(l => l.ExpectedParams));
    }

    [Theory]
    [InlineData("MaxPooling1D", "valid", 10, 2, null, 5L)]   // ⌊(10 − 2)/2⌋ + 1
    [InlineData("MaxPooling1D", "valid", 11, 2, null, 5L)]   // ⌊(11 − 2)/2⌋ + 1
    [InlineData("AveragePooling1D", "same", 11, 2, null, 6L)] // ⌈11/2⌉
    [InlineData("MaxPooling1D", "valid", 10, 3, 1, 8L)]      // ⌊(10 − 3)/1⌋ + 1
    public void Pooling_1d_shrinks_the_steps_axis(string className, string padding, long steps, long pool, int? stride, long expected)
    {
        var layer = Build.One(Build.Layer(className, "pool", ("pool_size", pool), ("strides", stride), ("padding", padding)), null, steps, 8);

        Assert.Equal(Shape.Of(null, expected, 8), layer.OutputShapes.Single());
        Assert.Equal(0L, layer.ExpectedParams);
    }

    [Theory]
    [InlineData(false, new long[] { 8 })]
    [InlineData(true, new long[] { 1, 8 })]
    public void Global_pooling_1d_keeps_the_channels(bool keepDims, long[] expected)
    {
        var layer = Build.One(Build.Layer("GlobalAveragePooling1D", "pool", ("keepdims", keepDims)), null, 10, 8);

        Assert.Equal(new Shape([null, .. expected.Select(d => (long?)d)]), layer.OutputShapes.Single());
    }

    [Fact]
    public void Class_without_a_rule_is_unverified_and_never_counted()
    {
        var analysis = Build.Analyze(Shape.Of(null, 8), Build.Layer("Lambda", "lambda"), Build.Layer("Dense", "dense", ("units", 2)));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        Assert.Null(analysis.Layers[0].Derivation);
        Assert.Equal(2, analysis.UnverifiedLayers);
        Assert.Equal(["KI1001", "KI1002"], analysis.Diagnostics.Select(d => d.Code));
    }
}
