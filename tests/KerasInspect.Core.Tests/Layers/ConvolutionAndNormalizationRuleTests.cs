using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

public sealed class ConvolutionAndNormalizationRuleTests
{
    [Fact]
    public void Conv2d_then_flatten_then_dense_matches_the_worked_example()
    {
        // Conv2D(32, 3×3) on 28×28×3: 3·3·3·32 + 32 = 896; 26·26·32 = 21,632 → Dense(10): 216,330
        var analysis = Build.Analyze(
            Shape.Of(null, 28, 28, 3),
            Build.Layer("Conv2D", "conv", ("filters", 32), ("kernel_size", new[] { 3, 3 })),
            Build.Layer("Flatten", "flatten"),
            Build.Layer("Dense", "dense", ("units", 10)));

        Assert.Equal([896L, 0, 216_330], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal("Conv2D: 3 × 3 × 3 × 32 + 32 = 896", analysis.Layers[0].Derivation);
    }

    [Fact]
    public void Conv2d_same_padding_with_strides_halves_the_image()
    {
        // Conv2D(16, 5×5, strides 2, same) on 28×28×1: 5·5·1·16 + 16 = 416; 14·14·16 = 3,136 → Dense(10): 31,370
        var analysis = Build.Analyze(
            Shape.Of(null, 28, 28, 1),
            Build.Layer("Conv2D", "conv", ("filters", 16), ("kernel_size", 5), ("strides", 2), ("padding", "same")),
            Build.Layer("Flatten", "flatten"),
            Build.Layer("Dense", "dense", ("units", 10)));

        Assert.Equal([416L, 0, 31_370], analysis.Layers.Select(l => l.ExpectedParams));
    }

    [Fact]
    public void Conv1d_with_dilation_shrinks_by_the_dilated_kernel()
    {
        // Conv1D(8, k=3, dilation 2) on (20, 4): 3·4·8 + 8 = 104; L = 20 − 2·2 = 16 → Flatten 128 → Dense(1): 129
        var analysis = Build.Analyze(
            Shape.Of(null, 20, 4),
            Build.Layer("Conv1D", "conv", ("filters", 8), ("kernel_size", new[] { 3 }), ("dilation_rate", 2)),
            Build.Layer("Flatten", "flatten"),
            Build.Layer("Dense", "dense", ("units", 1)));

        Assert.Equal(Shape.Of(null, 16, 8), analysis.Layers[0].OutputShapes.Single());
        Assert.Equal([104L, 0, 129], analysis.Layers.Select(l => l.ExpectedParams));
    }

    [Fact]
    public void Grouped_conv_divides_the_input_channels()
    {
        // Conv2D(64, 3×3, groups=2) on 32 channels: 3·3·16·64 + 64 = 9,280
        var layer = Build.One(Build.Layer("Conv2D", "conv", ("filters", 64), ("kernel_size", 3), ("groups", 2)), null, 8, 8, 32);

        Assert.Equal(9_280L, layer.ExpectedParams);
    }

    [Theory]
    [InlineData(true, true, 128L, 128L)]   // gamma + beta; moving mean + variance
    [InlineData(true, false, 64L, 128L)]   // center=False: 192 in all
    [InlineData(false, false, 0L, 128L)]   // neither: 128
    public void Batch_normalization_splits_trainable_and_moving_statistics(bool scale, bool center, long trainable, long nonTrainable)
    {
        var layer = Build.One(Build.Layer("BatchNormalization", "bn", ("scale", scale), ("center", center)), null, 64);

        Assert.Equal((trainable, nonTrainable), (layer.TrainableParams, layer.NonTrainableParams));
        Assert.Equal(trainable + nonTrainable, layer.ExpectedParams);
    }

    [Fact]
    public void Batch_normalization_axis_1_counts_the_channel_axis()
    {
        // axis=1 on (16, 112, 112): 4·16 = 64 (axis −1 would give 4·112 = 448)
        Assert.Equal(64L, Build.One(Build.Layer("BatchNormalization", "bn", ("axis", 1)), null, 16, 112, 112).ExpectedParams);
        Assert.Equal(448L, Build.One(Build.Layer("BatchNormalization", "bn"), null, 16, 112, 112).ExpectedParams);
    }
}
