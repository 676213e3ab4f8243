using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

public sealed class WrapperRuleTests
{
    private static Model.LayerSpec Lstm(long units, bool sequences = false) =>
        Build.Layer("LSTM", "lstm", ("units", units), ("return_sequences", sequences));

    [Fact]
    public void Bidirectional_lstm_is_two_copies_of_the_inner_layer()
    {
        // 2 × 4·32·(64+32+1) = 24,832
        var layer = Build.One(Build.Wrapper("Bidirectional", "bidirectional", Lstm(32)), null, null, 64);

        Assert.Equal(24_832L, layer.ExpectedParams);
        Assert.Equal("Bidirectional: 2 × (4 × (64 + 32 + 1) × 32) = 24,832", layer.Derivation);
        Assert.Equal(Shape.Of(null, 64), layer.OutputShapes.Single());
        Assert.Equal(
            ["forward/kernel", "forward/recurrent_kernel", "forward/bias", "backward/kernel", "backward/recurrent_kernel", "backward/bias"],
            layer.Tensors!.Select(t => t.Name));
    }

    [Fact]
    public void Stacked_bidirectional_lstms_see_the_concatenated_width()
    {
        // second layer's f = 32 + 32 = 64 → 2 × 12,416; model 49,664
        var analysis = Build.Analyze(
            Shape.Of(null, null, 64),
            Build.Wrapper("Bidirectional", "b1", Lstm(32, sequences: true)),
            Build.Wrapper("Bidirectional", "b2", Lstm(32)));

        Assert.Equal([24_832L, 24_832], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal(49_664L, analysis.ExpectedParams);
    }

    [Theory]
    [InlineData("sum", 8_320L)]      // next f = 32: 4·32·(32+32+1)
    [InlineData("mul", 8_320L)]
    [InlineData("ave", 8_320L)]
    [InlineData("concat", 12_416L)]  // next f = 64: 4·32·(64+32+1)
    public void Merge_mode_sets_the_next_layers_input_width(string mode, long next)
    {
        var analysis = Build.Analyze(
            Shape.Of(null, null, 64),
            Build.Wrapper("Bidirectional", "b", Lstm(32, sequences: true), config: ("merge_mode", mode)),
            Lstm(32));

        Assert.Equal([24_832L, next], analysis.Layers.Select(l => l.ExpectedParams));
    }

    [Fact]
    public void Merge_mode_none_gives_two_outputs()
    {
        var layer = Build.One(Build.Wrapper("Bidirectional", "b", Lstm(32), config: ("merge_mode", null)), null, null, 64);

        Assert.Equal([Shape.Of(null, 32), Shape.Of(null, 32)], layer.OutputShapes);
    }

    [Fact]
    public void Custom_backward_layer_is_counted_from_its_own_config()
    {
        // forward LSTM(32) on 64: 12,416; backward LSTM(16) on 64: 4·16·(64+16+1) = 5,184; concat width 48
        var layer = Build.One(Build.Wrapper("Bidirectional", "b", Lstm(32), backward: Build.Layer("LSTM", "back", ("units", 16))), null, null, 64);

        Assert.Equal(17_600L, layer.ExpectedParams);
        Assert.Equal("Bidirectional: (4 × (64 + 32 + 1) × 32) + (4 × (64 + 16 + 1) × 16) = 17,600", layer.Derivation);
        Assert.Equal(Shape.Of(null, 48), layer.OutputShapes.Single());
    }

    [Fact]
    public void Bidirectional_gru_reset_after_false_matches_a_stored_file()
    {
        // 2·3·16·(16+16+1) = 3,168 (tf.keras 2.2.4-tf file)
        var layer = Build.One(Build.Wrapper("Bidirectional", "b", Build.Layer("GRU", "gru", ("units", 16), ("reset_after", false))), null, null, 16);

        Assert.Equal(3_168L, layer.ExpectedParams);
    }

    [Fact]
    public void TimeDistributed_dense_plans_the_inner_layer_per_time_step()
    {
        // TimeDistributed(Dense(8)) on (5, 20): 20·8 + 8 = 168; output (None, 5, 8)
        var layer = Build.One(Build.Wrapper("TimeDistributed", "td", Build.Layer("Dense", "dense", ("units", 8))), null, 5, 20);

        Assert.Equal(168L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 5, 8), layer.OutputShapes.Single());
        Assert.Equal("TimeDistributed: 20 × 8 + 8 = 168", layer.Derivation);
    }

    [Fact]
    public void Wrapped_class_without_a_rule_leaves_the_wrapper_unverified()
    {
        var analysis = Build.Analyze(Shape.Of(null, 5, 20), Build.Wrapper("TimeDistributed", "td", Build.Layer("MyCustomLayer", "custom")));

        Assert.False(analysis.Layers[0].IsVerified);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KI1001", finding.Code);
        Assert.Contains("'MyCustomLayer'", finding.Message, StringComparison.Ordinal);
    }
}
