using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Transposed, separable, depthwise and 3-D convolutions; worked examples of param-formulas.md §2.4 and §4.</summary>
public sealed class ConvolutionVariantRuleTests
{
    private static string Shapes(Analysis.LayerAnalysis layer) =>
        string.Join(", ", layer.Tensors!.Select(t => $"{t.Name} {string.Join("×", t.Shape)}"));

    [Theory]
    [InlineData(true, 1_160L)]   // §4: 3·3·8·16 + 8 = 1,152 + 8 = 1,160
    [InlineData(false, 1_152L)]  // no bias: 3·3·8·16
    public void Conv2d_transpose_puts_filters_before_input_channels(bool useBias, long expected)
    {
        var layer = Build.One(Build.Layer("Conv2DTranspose", "deconv", ("filters", 8), ("kernel_size", new[] { 3, 3 }), ("strides", new[] { 2, 2 }), ("use_bias", useBias)), null, 7, 7, 16);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(useBias ? "kernel 3×3×8×16, bias 8" : "kernel 3×3×8×16", Shapes(layer));
        Assert.Equal(Shape.Of(null, 15, 15, 8), layer.OutputShapes.Single()); // (7 − 1)·2 + max(3, 2) = 15
        Assert.Equal(useBias ? "Conv2DTranspose: 3 × 3 × 8 × 16 + 8 = 1,160" : "Conv2DTranspose: 3 × 3 × 8 × 16 = 1,152", layer.Derivation);
    }

    [Theory]
    [InlineData("valid", 3, 2, null, 15L)]  // (7 − 1)·2 + max(3, 2)
    [InlineData("same", 3, 2, null, 14L)]   // 7·2
    [InlineData("valid", 3, 2, 1, 16L)]     // (7 − 1)·2 + 3 + 1
    [InlineData("same", 4, 2, 0, 12L)]      // (7 − 1)·2 + (4 mod 2) + 0
    [InlineData("same", 3, 2, 1, 14L)]      // (7 − 1)·2 + (3 mod 2) + 1
    [InlineData("valid", 1, 3, null, 21L)]  // (7 − 1)·3 + max(1, 3): a window smaller than the stride
    public void Conv2d_transpose_output_grows_by_the_stride(string padding, int kernel, int stride, int? outputPadding, long expected)
    {
        var layer = Build.One(Build.Layer("Conv2DTranspose", "deconv", ("filters", 4), ("kernel_size", kernel), ("strides", stride), ("padding", padding), ("output_padding", outputPadding)), null, 7, 7, 2);

        Assert.Equal(Shape.Of(null, expected, expected, 4), layer.OutputShapes.Single());
    }

    [Fact]
    public void Conv1d_and_conv3d_transpose_follow_the_same_layout()
    {
        // Conv1DTranspose(4, k=5) on (10, 3): 5·4·3 + 4 = 64; length (10 − 1)·1 + 5 = 14
        var one = Build.One(Build.Layer("Conv1DTranspose", "d1", ("filters", 4), ("kernel_size", 5)), null, 10, 3);
        // Conv3DTranspose(2, k=2, s=2) on 4×4×4×3: 2·2·2·2·3 + 2 = 50; each axis (4 − 1)·2 + 2 = 8
        var three = Build.One(Build.Layer("Conv3DTranspose", "d3", ("filters", 2), ("kernel_size", 2), ("strides", 2)), null, 4, 4, 4, 3);
        // dilation 2 widens a 3-kernel to 5: (10 − 1)·1 + 5 = 14 again, with 3·4·3 + 4 = 40
        var dilated = Build.One(Build.Layer("Conv1DTranspose", "d1", ("filters", 4), ("kernel_size", 3), ("dilation_rate", 2)), null, 10, 3);

        Assert.Equal((64L, Shape.Of(null, 14, 4)), (one.ExpectedParams, one.OutputShapes.Single()));
        Assert.Equal("kernel 5×4×3, bias 4", Shapes(one));
        Assert.Equal((50L, Shape.Of(null, 8, 8, 8, 2)), (three.ExpectedParams, three.OutputShapes.Single()));
        Assert.Equal((40L, Shape.Of(null, 14, 4)), (dilated.ExpectedParams, dilated.OutputShapes.Single()));
    }

    [Fact]
    public void Conv2d_transpose_channels_first_reads_channels_from_axis_1()
    {
        // same kernel as the channels_last example (1,160); output (8, 15, 15)
        var layer = Build.One(Build.Layer("Conv2DTranspose", "deconv", ("filters", 8), ("kernel_size", 3), ("strides", 2), ("data_format", "channels_first")), null, 16, 7, 7);

        Assert.Equal(1_160L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 8, 15, 15), layer.OutputShapes.Single());
    }

    [Fact]
    public void Output_padding_not_below_the_stride_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 7, 7, 2), Build.Layer("Conv2DTranspose", "deconv", ("filters", 4), ("kernel_size", 3), ("strides", 2), ("output_padding", 2)));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        Assert.Equal("KI1003", Assert.Single(analysis.Diagnostics).Code);
    }

    [Theory]
    [InlineData(1, true, 2_400L, "depthwise_kernel 3×3×32×1, pointwise_kernel 1×1×32×64, bias 64")]   // §4: 288 + 2,048 + 64
    [InlineData(2, true, 4_736L, "depthwise_kernel 3×3×32×2, pointwise_kernel 1×1×64×64, bias 64")]   // §4: 576 + 4,096 + 64
    [InlineData(1, false, 2_336L, "depthwise_kernel 3×3×32×1, pointwise_kernel 1×1×32×64")]           // 288 + 2,048
    public void Separable_conv2d_matches_the_worked_example(int multiplier, bool useBias, long expected, string tensors)
    {
        var layer = Build.One(Build.Layer("SeparableConv2D", "sep", ("filters", 64), ("kernel_size", new[] { 3, 3 }), ("depth_multiplier", multiplier), ("use_bias", useBias)), null, 10, 10, 32);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(tensors, Shapes(layer));
        Assert.Equal(Shape.Of(null, 8, 8, 64), layer.OutputShapes.Single());
    }

    [Fact]
    public void Separable_conv1d_has_a_one_wide_pointwise_kernel()
    {
        // SeparableConv1D(16, k=3) on (20, 8): 3·8·1 + 8·16 + 16 = 24 + 128 + 16 = 168; length 20 − 2 = 18
        var layer = Build.One(Build.Layer("SeparableConv1D", "sep", ("filters", 16), ("kernel_size", 3)), null, 20, 8);

        Assert.Equal(168L, layer.ExpectedParams);
        Assert.Equal("depthwise_kernel 3×8×1, pointwise_kernel 1×8×16, bias 16", Shapes(layer));
        Assert.Equal(Shape.Of(null, 18, 16), layer.OutputShapes.Single());
        Assert.Equal("SeparableConv1D: 3 × 8 × 1 + 8 × 16 + 16 = 168", layer.Derivation);
    }

    [Theory]
    [InlineData(1, true, 320L, 32L)]   // §4: 3·3·32·1 + 32 = 288 + 32
    [InlineData(2, true, 640L, 64L)]   // §4: 3·3·32·2 + 64 = 576 + 64
    [InlineData(1, false, 288L, 32L)]  // no bias: 3·3·32
    public void Depthwise_conv2d_multiplies_the_channels(int multiplier, bool useBias, long expected, long channels)
    {
        var layer = Build.One(Build.Layer("DepthwiseConv2D", "dw", ("kernel_size", 3), ("depth_multiplier", multiplier), ("use_bias", useBias)), null, 8, 8, 32);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 6, 6, channels), layer.OutputShapes.Single());
        Assert.Equal(["depthwise_kernel", .. useBias ? new[] { "bias" } : []], layer.Tensors!.Select(t => t.Name));
    }

    [Fact]
    public void Depthwise_conv1d_with_same_padding_keeps_the_length()
    {
        // DepthwiseConv1D(k=5, dm=3) on (50, 4): 5·4·3 + 4·3 = 60 + 12 = 72; same: length 50, channels 12
        var layer = Build.One(Build.Layer("DepthwiseConv1D", "dw", ("kernel_size", 5), ("depth_multiplier", 3), ("padding", "same")), null, 50, 4);

        Assert.Equal(72L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 50, 12), layer.OutputShapes.Single());
    }

    [Fact]
    public void Depthwise_kernel_is_the_depthwise_kernel_role_whatever_the_writer()
    {
        // the rule emits roles; Keras 3's name for it ("kernel") is its reader's dialect (Keras3TensorRolesTests)
        var keras3 = Build.One(KerasWriter.Keras3, Build.Layer("DepthwiseConv2D", "dw", ("kernel_size", 3)), null, 8, 8, 32);
        var tfKeras = Build.One(KerasWriter.TfKeras, Build.Layer("DepthwiseConv2D", "dw", ("kernel_size", 3)), null, 8, 8, 32);

        Assert.Equal(["depthwise_kernel", "bias"], keras3.Tensors!.Select(t => t.Name));
        Assert.Equal(["depthwise_kernel", "bias"], tfKeras.Tensors!.Select(t => t.Name));
        Assert.Equal(320L, keras3.ExpectedParams); // 3·3·32·1 + 32
    }

    [Theory]
    [InlineData(true, 440L)]   // §4: 27·2·8 + 8 = 432 + 8
    [InlineData(false, 432L)]  // 27·2·8
    public void Conv3d_matches_the_worked_example(bool useBias, long expected)
    {
        var layer = Build.One(Build.Layer("Conv3D", "conv", ("filters", 8), ("kernel_size", new[] { 3, 3, 3 }), ("use_bias", useBias)), null, 10, 10, 10, 2);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 8, 8, 8, 8), layer.OutputShapes.Single());
    }

    [Fact]
    public void Kernel_size_with_the_wrong_number_of_axes_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 8, 8, 32), Build.Layer("SeparableConv2D", "sep", ("filters", 4), ("kernel_size", new[] { 3, 3, 3 })));

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KI1003", finding.Code);
        Assert.Equal("'kernel_size' should have 2 entries, it is [3, 3, 3]", finding.Message);
    }
}
