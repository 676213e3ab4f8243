using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Convolutional LSTMs: 4F·(k·(f + F) + 1), param-formulas.md §2.2, with each step's output sized like a convolution.</summary>
public sealed class ConvLstmRuleTests
{
    [Theory]
    [InlineData(true, 3_200L)]   // §4: 4·8·(9·(3 + 8) + 1) = 32·100
    [InlineData(false, 3_168L)]  // no bias: 4·8·9·(3 + 8) = 32·99
    public void ConvLstm2d_matches_the_worked_example(bool useBias, long expected)
    {
        var layer = Build.One(Build.Layer("ConvLSTM2D", "convlstm", ("filters", 8), ("kernel_size", new[] { 3, 3 }), ("use_bias", useBias)), null, 5, 16, 16, 3);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(
            useBias ? ["kernel 3×3×3×32", "recurrent_kernel 3×3×8×32", "bias 32"] : ["kernel 3×3×3×32", "recurrent_kernel 3×3×8×32"],
            layer.Tensors!.Select(t => $"{t.Name} {string.Join("×", t.Shape)}"));
        Assert.Equal(useBias ? "ConvLSTM2D: 4 × 8 × (9 × (3 + 8) + 1) = 3,200" : "ConvLSTM2D: 4 × 8 × (9 × (3 + 8)) = 3,168", layer.Derivation);
        Assert.Equal(Shape.Of(null, 14, 14, 8), layer.OutputShapes.Single()); // valid 3×3: 16 − 2 = 14, last step only
    }

    [Fact]
    public void Return_sequences_keeps_the_time_axis_and_return_state_adds_h_and_c()
    {
        var layer = Build.One(Build.Layer("ConvLSTM2D", "convlstm", ("filters", 8), ("kernel_size", 3), ("padding", "same"), ("return_sequences", true), ("return_state", true)), null, 5, 16, 16, 3);

        Assert.Equal([Shape.Of(null, 5, 16, 16, 8), Shape.Of(null, 16, 16, 8), Shape.Of(null, 16, 16, 8)], layer.OutputShapes);
        Assert.Equal(3_200L, layer.ExpectedParams);
    }

    [Fact]
    public void ConvLstm1d_and_3d_count_kernel_positions()
    {
        // ConvLSTM1D(4, k=3) on (6, 20, 2): 4·4·(3·(2 + 4) + 1) = 16·19 = 304; length 20 − 2 = 18
        var one = Build.One(Build.Layer("ConvLSTM1D", "c1", ("filters", 4), ("kernel_size", 3)), null, 6, 20, 2);
        // ConvLSTM3D(2, k=(1,3,3)) on (4, 5, 10, 10, 1): k = 9; 4·2·(9·(1 + 2) + 1) = 8·28 = 224
        var three = Build.One(Build.Layer("ConvLSTM3D", "c3", ("filters", 2), ("kernel_size", new[] { 1, 3, 3 })), null, 4, 5, 10, 10, 1);

        Assert.Equal((304L, Shape.Of(null, 18, 4)), (one.ExpectedParams, one.OutputShapes.Single()));
        Assert.Equal((224L, Shape.Of(null, 5, 8, 8, 2)), (three.ExpectedParams, three.OutputShapes.Single()));
        Assert.Equal([1L, 3, 3, 1, 8], three.Tensors![0].Shape);
    }

    [Fact]
    public void Channels_first_takes_channels_after_the_time_axis()
    {
        // (T=5, C=3, 16, 16): the same 3,200 as channels_last; output (8, 14, 14)
        var layer = Build.One(Build.Layer("ConvLSTM2D", "convlstm", ("filters", 8), ("kernel_size", 3), ("data_format", "channels_first")), null, 5, 3, 16, 16);

        Assert.Equal(3_200L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 8, 14, 14), layer.OutputShapes.Single());
    }

    [Fact]
    public void Strided_conv_lstm_shrinks_like_a_strided_convolution()
    {
        // strides 2, valid, k=3 on 16: ⌊(16 − 3)/2⌋ + 1 = 7
        var layer = Build.One(Build.Layer("ConvLSTM2D", "convlstm", ("filters", 2), ("kernel_size", 3), ("strides", 2)), null, 5, 16, 16, 1);

        Assert.Equal(Shape.Of(null, 7, 7, 2), layer.OutputShapes.Single());
    }

    [Fact]
    public void ConvLstm_on_an_image_without_a_time_axis_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 16, 16, 3), Build.Layer("ConvLSTM2D", "convlstm", ("filters", 8), ("kernel_size", 3)));

        Assert.Equal("ConvLSTM2D expects an input of rank 5, got (None, 16, 16, 3)", Assert.Single(analysis.Diagnostics).Message);
    }

    [Fact]
    public void Video_classifier_of_r15_is_counted_layer_by_layer()
    {
        // The layer stack of corpus file r15 (Keras 3.8, ConvLSTM2D → MaxPooling3D(1,2,2, same) → TimeDistributed(Dropout), ×4),
        // rebuilt by hand. Spatial 64 → 62 → 31 → 29 → 15 → 13 → 7 → 5 → 3; Flatten 20·3·3·16 = 2,880.
        //   ConvLSTM2D(4)  on 3:  4·4·(9·(3 + 4) + 1)   = 16·64  = 1,024
        //   ConvLSTM2D(8)  on 4:  4·8·(9·(4 + 8) + 1)   = 32·109 = 3,488
        //   ConvLSTM2D(14) on 8:  4·14·(9·(8 + 14) + 1) = 56·199 = 11,144
        //   ConvLSTM2D(16) on 14: 4·16·(9·(14 + 16) + 1) = 64·271 = 17,344
        //   Dense(4) on 2,880:    2,880·4 + 4 = 11,524;  total 44,524 (the file stores 44,524: MANIFEST.json oracle)
        var layers = new List<Model.LayerSpec>();
        var filters = new[] { 4, 8, 14, 16 };
        for (var i = 0; i < filters.Length; i++)
        {
            layers.Add(Build.Layer("ConvLSTM2D", $"conv_lstm2d_{i}", ("filters", filters[i]), ("kernel_size", new[] { 3, 3 }), ("strides", new[] { 1, 1 }),
                ("padding", "valid"), ("data_format", "channels_last"), ("dilation_rate", new[] { 1, 1 }), ("return_sequences", true), ("use_bias", true)));
            layers.Add(Build.Layer("MaxPooling3D", $"max_pooling3d_{i}", ("pool_size", new[] { 1, 2, 2 }), ("strides", new[] { 1, 2, 2 }), ("padding", "same"), ("data_format", "channels_last")));
            layers.Add(Build.Wrapper("TimeDistributed", $"time_distributed_{i}", Build.Layer("Dropout", $"dropout_{i}", ("rate", 0.2))));
        }

        layers.Add(Build.Layer("Flatten", "flatten", ("data_format", "channels_last")));
        layers.Add(Build.Layer("Dense", "dense", ("units", 4)));

        var analysis = Build.Analyze(Shape.Of(null, 20, 64, 64, 3), [.. layers]);

        Assert.Empty(analysis.Diagnostics);
        Assert.Equal([1_024L, 3_488, 11_144, 17_344], analysis.Layers.Where(l => l.Layer.ClassName == "ConvLSTM2D").Select(l => l.ExpectedParams));
        Assert.Equal(Shape.Of(null, 20, 31, 31, 4), analysis.Layers[1].OutputShapes.Single());
        Assert.Equal(Shape.Of(null, 2_880), analysis.Layers[^2].OutputShapes.Single());
        Assert.Equal(11_524L, analysis.Layers[^1].ExpectedParams);
        Assert.Equal(44_524L, analysis.ExpectedParams);
    }
}
