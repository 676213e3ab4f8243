using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>CuDNN recurrent layers and the generic RNN over a cell config, param-formulas.md §2.2.</summary>
public sealed class CellAndCuDnnRuleTests
{
    private static LayerSpec Rnn(ConfigObject cell, params (string Key, object? Value)[] config) =>
        Build.Layer("RNN", "rnn", [("cell", cell), .. config]);

    [Theory]
    [InlineData(100, 117_760L)]  // §4 [file]: 4·128·(100 + 128) + 8·128 = 116,736 + 1,024 (an LSTM reading would give 117,248)
    [InlineData(128, 132_096L)]  // §4 [file]: 4·128·256 + 1,024 = 131,072 + 1,024
    public void CuDnnLstm_has_a_doubled_bias(long features, long expected)
    {
        var layer = Build.One(Build.Layer("CuDNNLSTM", "cudnn_lstm", ("units", 128)), null, null, features);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal([1_024L], layer.Tensors!.Single(t => t.Name == "bias").Shape);
        Assert.Equal($"CuDNNLSTM: 4 × ({features} + 128 + 2) × 128 = {expected:N0}", layer.Derivation);
    }

    [Fact]
    public void CuDnnGru_matches_gru_reset_after_in_count_but_not_in_bias_shape()
    {
        // 3·64·(32 + 64 + 2) = 192·98 = 18,816 for both; CuDNNGRU bias (384,), GRU(reset_after) bias (2, 192)
        var cudnn = Build.One(Build.Layer("CuDNNGRU", "cudnn_gru", ("units", 64)), null, null, 32);
        var gru = Build.One(Build.Layer("GRU", "gru", ("units", 64), ("reset_after", true)), null, null, 32);

        Assert.Equal((18_816L, 18_816L), (cudnn.ExpectedParams, gru.ExpectedParams));
        Assert.Equal([384L], cudnn.Tensors![2].Shape);
        Assert.Equal([2L, 192], gru.Tensors![2].Shape);
    }

    [Fact]
    public void CuDnn_layers_return_sequences_and_states_like_lstm()
    {
        var layer = Build.One(Build.Layer("CuDNNLSTM", "cudnn_lstm", ("units", 8), ("return_sequences", true), ("return_state", true)), null, 7, 3);

        Assert.Equal([Shape.Of(null, 7, 8), Shape.Of(null, 8), Shape.Of(null, 8)], layer.OutputShapes);
    }

    [Theory]
    [InlineData("LSTMCell", 32, 64, true, 12_416L)]      // §4: 4·32·(64 + 32 + 1), as LSTM(32)
    [InlineData("LSTMCell", 32, 64, false, 12_288L)]     // 4·32·(64 + 32)
    [InlineData("GRUCell", 32, 64, true, 9_312L)]        // 3·32·(64 + 32 + 1) with reset_after false
    [InlineData("SimpleRNNCell", 16, 8, true, 400L)]     // 16·(8 + 16 + 1)
    [InlineData("SimpleRNNCell", 16, 8, false, 384L)]    // 16·(8 + 16)
    public void Rnn_counts_its_cell_like_the_matching_layer(string cell, int units, long features, bool useBias, long expected)
    {
        var layer = Build.One(Rnn(Build.Serialized(cell, ("name", "cell"), ("units", units), ("use_bias", useBias), ("reset_after", false))), null, null, features);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, units), layer.OutputShapes.Single());
    }

    [Fact]
    public void Rnn_of_a_peephole_lstm_cell_adds_three_peephole_vectors()
    {
        // §4: 12,416 + 3·32 = 12,512
        var layer = Build.One(Rnn(Build.Serialized("PeepholeLSTMCell", ("name", "peephole_lstm_cell"), ("units", 32))), null, 10, 64);

        Assert.Equal(12_512L, layer.ExpectedParams);
        Assert.Equal(
            ["kernel", "recurrent_kernel", "bias", "input_gate_peephole_weights", "forget_gate_peephole_weights", "output_gate_peephole_weights"],
            layer.Tensors!.Select(t => t.Name));
        Assert.Equal("RNN: 4 × (64 + 32 + 1) × 32 + 3 × 32 = 12,512", layer.Derivation);
    }

    [Fact]
    public void Peephole_cell_without_bias_keeps_its_peepholes()
    {
        // 4·32·(64 + 32) + 3·32 = 12,288 + 96 = 12,384
        var layer = Build.One(Rnn(Build.Serialized("PeepholeLSTMCell", ("units", 32), ("use_bias", false))), null, 10, 64);

        Assert.Equal(12_384L, layer.ExpectedParams);
    }

    [Fact]
    public void Stacked_cells_feed_each_cell_the_previous_units_and_scope_their_tensors()
    {
        // LSTMCell(32) on 64: 12,416; LSTMCell(16) on 32: 4·16·(32 + 16 + 1) = 64·49 = 3,136; total 15,552
        var stack = Build.Serialized("StackedRNNCells", ("cells", new[]
        {
            Build.Serialized("LSTMCell", ("name", "lstm_cell"), ("units", 32)),
            Build.Serialized("LSTMCell", ("name", "lstm_cell_1"), ("units", 16)),
        }));
        var layer = Build.One(Rnn(stack, ("return_state", true)), null, 10, 64);

        Assert.Equal(15_552L, layer.ExpectedParams);
        Assert.Equal("RNN: (4 × (64 + 32 + 1) × 32) + (4 × (32 + 16 + 1) × 16) = 15,552", layer.Derivation);
        Assert.Equal(["lstm_cell/kernel", "lstm_cell/recurrent_kernel", "lstm_cell/bias", "lstm_cell_1/kernel", "lstm_cell_1/recurrent_kernel", "lstm_cell_1/bias"],
            layer.Tensors!.Select(t => t.Name));
        Assert.Equal([Shape.Of(null, 16), Shape.Of(null, 32), Shape.Of(null, 32), Shape.Of(null, 16), Shape.Of(null, 16)], layer.OutputShapes);
    }

    [Fact]
    public void Gru_cell_without_reset_after_takes_the_writers_default()
    {
        // tf.keras 2 default reset_after=True: 3·32·(64 + 32 + 2) = 9,408, and the assumption is reported
        var analysis = ModelAnalyzerFor(KerasWriter.TfKeras, Rnn(Build.Serialized("GRUCell", ("name", "gru_cell"), ("units", 32))));

        Assert.Equal(9_408L, analysis.ExpectedParams);
        Assert.Equal("KI1006", Assert.Single(analysis.Diagnostics).Code);
    }

    [Fact]
    public void Bidirectional_rnn_over_a_cell_is_twice_the_cell()
    {
        // 2 × 12,416 = 24,832, as Bidirectional(LSTM(32)) on 64
        var layer = Build.One(Build.Wrapper("Bidirectional", "bi", Rnn(Build.Serialized("LSTMCell", ("units", 32)))), null, null, 64);

        Assert.Equal(24_832L, layer.ExpectedParams);
    }

    [Fact]
    public void Rnn_with_a_custom_cell_is_unverified_naming_the_cell_class()
    {
        var analysis = Build.Analyze(Shape.Of(null, 10, 64), Rnn(Build.Serialized("MinimalRNNCell", ("units", 32))));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KI1001", finding.Code);
        Assert.Contains("'MinimalRNNCell'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rnn_without_a_cell_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 10, 64), Build.Layer("RNN", "rnn"));

        Assert.Equal("KI1003", Assert.Single(analysis.Diagnostics).Code);
    }

    private static Analysis.ModelAnalysis ModelAnalyzerFor(KerasWriter writer, LayerSpec layer) =>
        Analysis.ModelAnalyzer.Default.Analyze(Build.Sequential(Shape.Of(null, null, 64), writer, layer));
}
