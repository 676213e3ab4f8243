using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Weightless layers that resize spatial axes (pooling, up-sampling, padding, cropping), param-formulas.md §1.4.</summary>
public sealed class SpatialShapeRuleTests
{
    private static Shape Out(string className, long?[] input, params (string Key, object? Value)[] config)
    {
        var layer = Build.One(Build.Layer(className, "layer", config), input);
        Assert.Equal(0L, layer.ExpectedParams);
        return layer.OutputShapes.Single()!;
    }

    [Theory]
    [InlineData("MaxPooling2D", null, null, "valid", 14L)]    // default pool 2, strides = pool: ⌊(28 − 2)/2⌋ + 1
    [InlineData("AveragePooling2D", 3, 2, "valid", 13L)]      // ⌊(28 − 3)/2⌋ + 1 = 12 + 1
    [InlineData("AveragePooling2D", 3, 2, "same", 14L)]       // ⌈28/2⌉
    [InlineData("MaxPooling2D", 3, 1, "valid", 26L)]          // ⌊(28 − 3)/1⌋ + 1
    public void Pooling_2d_shrinks_both_spatial_axes(string className, int? pool, int? stride, string padding, long expected)
    {
        Assert.Equal(Shape.Of(null, expected, expected, 32), Out(className, [null, 28, 28, 32], ("pool_size", pool), ("strides", stride), ("padding", padding)));
    }

    [Fact]
    public void Pooling_3d_takes_a_size_per_axis()
    {
        // r15's MaxPooling3D((1, 2, 2), same): (20, 62, 62, 4) → (⌈20/1⌉, ⌈62/2⌉, ⌈62/2⌉) = (20, 31, 31, 4)
        Assert.Equal(Shape.Of(null, 20, 31, 31, 4), Out("MaxPooling3D", [null, 20, 62, 62, 4], ("pool_size", new[] { 1, 2, 2 }), ("strides", new[] { 1, 2, 2 }), ("padding", "same")));
        // AveragePooling3D default 2³ on 9×8×7: ⌊(9 − 2)/2⌋ + 1 = 4, 4, ⌊(7 − 2)/2⌋ + 1 = 3
        Assert.Equal(Shape.Of(null, 4, 4, 3, 1), Out("AveragePooling3D", [null, 9, 8, 7, 1]));
    }

    [Fact]
    public void Pooling_channels_first_keeps_axis_1()
    {
        Assert.Equal(Shape.Of(null, 3, 16, 16), Out("MaxPooling2D", [null, 3, 32, 32], ("data_format", "channels_first")));
    }

    [Fact]
    public void Conv2d_then_max_pooling_then_flatten_then_dense_matches_the_worked_example()
    {
        // §4: Conv2D(32, 3×3) on 28×28×3 = 896; pool to 13×13×32 = 5,408 → Dense(10): 54,090
        var analysis = Build.Analyze(
            Shape.Of(null, 28, 28, 3),
            Build.Layer("Conv2D", "conv", ("filters", 32), ("kernel_size", 3)),
            Build.Layer("MaxPooling2D", "pool", ("pool_size", new[] { 2, 2 })),
            Build.Layer("Flatten", "flatten"),
            Build.Layer("Dense", "dense", ("units", 10)));

        Assert.Equal([896L, 0, 0, 54_090], analysis.Layers.Select(l => l.ExpectedParams));
    }

    [Fact]
    public void Pooling_on_the_wrong_rank_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 28, 32), Build.Layer("MaxPooling2D", "pool"));

        Assert.Equal("MaxPooling2D expects an input of rank 4, got (None, 28, 32)", Assert.Single(analysis.Diagnostics).Message);
    }

    [Theory]
    [InlineData("GlobalAveragePooling2D", new long[] { 7, 7, 512 }, false, null, new long[] { 512 })]
    [InlineData("GlobalMaxPooling2D", new long[] { 7, 7, 512 }, true, null, new long[] { 1, 1, 512 })]
    [InlineData("GlobalMaxPooling3D", new long[] { 8, 4, 4, 4 }, false, "channels_first", new long[] { 8 })]
    [InlineData("GlobalAveragePooling3D", new long[] { 8, 4, 4, 4 }, true, "channels_first", new long[] { 8, 1, 1, 1 })]
    [InlineData("GlobalMaxPooling1D", new long[] { 10, 8 }, false, null, new long[] { 8 })]
    public void Global_pooling_keeps_only_the_channels(string className, long[] input, bool keepDims, string? format, long[] expected)
    {
        var shape = Out(className, [null, .. input.Select(d => (long?)d)], ("keepdims", keepDims), ("data_format", format));

        Assert.Equal(new Shape([null, .. expected.Select(d => (long?)d)]), shape);
    }

    [Fact]
    public void Up_sampling_multiplies_each_spatial_axis()
    {
        Assert.Equal(Shape.Of(null, 30, 4), Out("UpSampling1D", [null, 10, 4], ("size", 3)));                         // 10·3
        Assert.Equal(Shape.Of(null, 10, 15, 8), Out("UpSampling2D", [null, 5, 5, 8], ("size", new[] { 2, 3 })));    // 5·2, 5·3
        Assert.Equal(Shape.Of(null, 4, 6, 8, 1), Out("UpSampling3D", [null, 2, 3, 4, 1]));                          // default 2 each
        Assert.Equal(Shape.Of(null, 8, 10, 10), Out("UpSampling2D", [null, 8, 5, 5], ("data_format", "channels_first")));
    }

    [Fact]
    public void Zero_padding_adds_before_and_after()
    {
        Assert.Equal(Shape.Of(null, 30, 30, 1), Out("ZeroPadding2D", [null, 28, 28, 1]));                                           // default 1 per side
        Assert.Equal(Shape.Of(null, 31, 35, 1), Out("ZeroPadding2D", [null, 28, 28, 1], ("padding", new[] { new[] { 1, 2 }, new[] { 3, 4 } })));  // 28+1+2, 28+3+4
        Assert.Equal(Shape.Of(null, 32, 30, 1), Out("ZeroPadding2D", [null, 28, 28, 1], ("padding", new[] { 2, 1 })));             // symmetric per axis
        Assert.Equal(Shape.Of(null, 29, 33, 1), Out("ZeroPadding2D", [null, 28, 28, 1], ("padding", new[] { 0, 1, 2, 3 })));       // Keras 1: top, bottom, left, right
        Assert.Equal(Shape.Of(null, 17, 4), Out("ZeroPadding1D", [null, 10, 4], ("padding", new[] { 2, 5 })));                     // 10+2+5
        Assert.Equal(Shape.Of(null, 6, 6, 6, 2), Out("ZeroPadding3D", [null, 2, 2, 2, 2], ("padding", 2)));                        // 2+2+2
    }

    [Fact]
    public void Cropping_removes_before_and_after()
    {
        Assert.Equal(Shape.Of(null, 24, 20, 3), Out("Cropping2D", [null, 28, 28, 3], ("cropping", new[] { new[] { 2, 2 }, new[] { 4, 4 } })));  // 28−4, 28−8
        Assert.Equal(Shape.Of(null, 28, 28, 3), Out("Cropping2D", [null, 28, 28, 3]));   // default ((0, 0), (0, 0))
        Assert.Equal(Shape.Of(null, 8, 4), Out("Cropping1D", [null, 10, 4]));            // default (1, 1)
        Assert.Equal(Shape.Of(null, 2, 2, 2, 1), Out("Cropping3D", [null, 4, 4, 4, 1])); // default 1 per side
    }

    [Fact]
    public void Cropping_everything_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 4, 4), Build.Layer("Cropping1D", "crop", ("cropping", new[] { 2, 2 })));

        Assert.Equal("cropping 2 + 2 leaves nothing of spatial axis 1, of size 4", Assert.Single(analysis.Diagnostics).Message);
    }

    [Fact]
    public void Unknown_spatial_length_stays_unknown()
    {
        Assert.Equal(Shape.Of(null, null, 8), Out("UpSampling1D", [null, null, 8]));
        Assert.Equal(Shape.Of(null, null, 14, 3), Out("MaxPooling2D", [null, null, 28, 3]));
    }
}
