using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Worked examples of param-formulas.md §4, each computed by hand in the comment.</summary>
public sealed class RecurrentRuleTests
{
    [Theory]
    [InlineData(10, 1, 480L)]            // 4·10·(1+10+1)
    [InlineData(10, 10, 840L)]           // 4·10·(10+10+1)
    [InlineData(20, 1, 1_760L)]          // 4·20·(1+20+1)
    [InlineData(20, 20, 3_280L)]         // 4·20·(20+20+1)
    [InlineData(32, 64, 12_416L)]        // 4·32·(64+32+1)
    [InlineData(32, 32, 8_320L)]         // 4·32·(32+32+1)
    [InlineData(2, 3, 48L)]              // 4·2·(3+2+1)
    [InlineData(200, 4096, 3_437_600L)]  // 800·4297
    public void Lstm_count_matches_the_worked_example(long units, long features, long expected)
    {
        var layer = Build.One(Build.Layer("LSTM", "lstm", ("units", units)), null, null, features);

        Assert.Equal(expected, layer.ExpectedParams);
    }

    [Fact]
    public void Lstm_lists_kernel_recurrent_kernel_and_bias_with_a_derivation()
    {
        var layer = Build.One(Build.Layer("LSTM", "lstm", ("units", 32)), null, 10, 64);

        Assert.Equal(["kernel 64×128", "recurrent_kernel 32×128", "bias 128"], layer.Tensors!.Select(t => $"{t.Name} {string.Join("×", t.Shape)}"));
        Assert.Equal("LSTM: 4 × (64 + 32 + 1) × 32 = 12,416", layer.Derivation);
        Assert.Equal(Shape.Of(null, 32), layer.OutputShapes.Single());
    }

    [Fact]
    public void Lstm_without_bias_drops_4u_parameters()
    {
        var layer = Build.One(Build.Layer("LSTM", "lstm", ("units", 32), ("use_bias", false)), null, null, 64);

        Assert.Equal(12_288L, layer.ExpectedParams); // 4·32·(64+32)
        Assert.Equal("LSTM: 4 × (64 + 32) × 32 = 12,288", layer.Derivation);
        Assert.Equal(["kernel", "recurrent_kernel"], layer.Tensors!.Select(t => t.Name));
    }

    [Fact]
    public void Return_sequences_and_return_state_shape_the_outputs()
    {
        var layer = Build.One(Build.Layer("LSTM", "lstm", ("units", 16), ("return_sequences", true), ("return_state", true)), null, 7, 3);

        Assert.Equal([Shape.Of(null, 7, 16), Shape.Of(null, 16), Shape.Of(null, 16)], layer.OutputShapes);
    }

    [Theory]
    [InlineData(false, 9_312L, "GRU: 3 × (64 + 32 + 1) × 32 = 9,312")]  // 3·32·97
    [InlineData(true, 9_408L, "GRU: 3 × (64 + 32 + 2) × 32 = 9,408")]   // 3·32·98
    public void Gru_count_depends_on_reset_after(bool resetAfter, long expected, string derivation)
    {
        var layer = Build.One(Build.Layer("GRU", "gru", ("units", 32), ("reset_after", resetAfter)), null, null, 64);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(derivation, layer.Derivation);
        Assert.Equal(resetAfter ? [2L, 96] : [96L], layer.Tensors![2].Shape);
    }

    [Fact]
    public void Gru_with_reset_after_true_on_7_features_matches_a_stored_file()
    {
        // GRU(20) on 7, tf.keras 2.3.0-tf: bias stored (2, 60); 3·20·(7+20+2) = 1,740
        var layer = Build.One(Build.Layer("GRU", "gru", ("units", 20), ("reset_after", true)), null, null, 7);

        Assert.Equal(1_740L, layer.ExpectedParams);
    }

    [Theory]
    [InlineData(KerasWriter.TensorFlowJs, 9_312L, "false")]
    [InlineData(KerasWriter.Keras2, 9_312L, "false")]
    [InlineData(KerasWriter.TfKeras, 9_408L, "true")]
    [InlineData(KerasWriter.Keras3, 9_408L, "true")]
    public void Gru_without_reset_after_takes_the_writers_default_and_says_so(KerasWriter writer, long expected, string assumed)
    {
        var model = Build.Sequential(Shape.Of(null, null, 64), writer, Build.Layer("GRU", "gru", ("units", 32)));

        var analysis = Analysis.ModelAnalyzer.Default.Analyze(model);

        Assert.Equal(expected, analysis.ExpectedParams);
        var note = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("KI1006", DiagnosticSeverity.Info), (note.Code, note.Severity));
        Assert.Contains($"assumed {assumed}", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, 8, true, 400L)]   // 16·(8+16+1)
    [InlineData(16, 8, false, 384L)]  // 16·(8+16)
    [InlineData(8, 2, true, 88L)]     // 8·(2+8+1)
    public void SimpleRnn_count_is_u_times_f_plus_u_plus_bias(long units, long features, bool useBias, long expected)
    {
        var layer = Build.One(Build.Layer("SimpleRNN", "rnn", ("units", units), ("use_bias", useBias)), null, null, features);

        Assert.Equal(expected, layer.ExpectedParams);
    }

    [Fact]
    public void Recurrent_layer_on_a_2d_input_is_an_invalid_config_not_a_guess()
    {
        var analysis = Build.Analyze(Shape.Of(null, 64), Build.Layer("LSTM", "lstm", ("units", 32)));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KI1003", finding.Code);
        Assert.Equal("LSTM expects an input of rank 3, got (None, 64)", finding.Message);
    }

    [Fact]
    public void Count_beyond_32_bits_is_exact()
    {
        // 4·50,000·(100,000 + 50,000 + 1) = 200,000 · 150,001 = 30,000,200,000 > 2^32
        var layer = Build.One(Build.Layer("LSTM", "lstm", ("units", 50_000)), null, null, 100_000);

        Assert.Equal(30_000_200_000L, layer.ExpectedParams);
    }

    [Fact]
    public void Absurd_units_give_an_overflow_finding_not_an_exception()
    {
        var analysis = Build.Analyze(Shape.Of(null, null, 1_000_000_000_000), Build.Layer("LSTM", "lstm", ("units", 1e12)));

        Assert.Null(analysis.Layers[0].ExpectedParams);
        Assert.Equal("KI1004", Assert.Single(analysis.Diagnostics).Code);
    }
}
