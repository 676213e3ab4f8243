using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

public sealed class DenseAndEmbeddingRuleTests
{
    [Theory]
    [InlineData(1, 20, true, 21L)]     // 20·1 + 1
    [InlineData(10, 32, true, 330L)]   // 32·10 + 10
    [InlineData(8, 20, false, 160L)]   // 20·8
    public void Dense_count_is_f_times_u_plus_bias(long units, long features, bool useBias, long expected)
    {
        var layer = Build.One(Build.Layer("Dense", "dense", ("units", units), ("use_bias", useBias)), null, features);

        Assert.Equal(expected, layer.ExpectedParams);
    }

    [Fact]
    public void Dense_on_3d_input_uses_only_the_last_axis()
    {
        // Dense(8) on (5, 7, 20): 20·8 + 8 = 168, output (None, 5, 7, 8)
        var layer = Build.One(Build.Layer("Dense", "dense", ("units", 8)), null, 5, 7, 20);

        Assert.Equal(168L, layer.ExpectedParams);
        Assert.Equal("Dense: 20 × 8 + 8 = 168", layer.Derivation);
        Assert.Equal(Shape.Of(null, 5, 7, 8), layer.OutputShapes.Single());
    }

    [Fact]
    public void Embedding_is_one_table_whatever_the_sequence_length()
    {
        // Embedding(5000, 30): 5000·30 = 150,000
        var layer = Build.One(Build.Layer("Embedding", "embedding", ("input_dim", 5000), ("output_dim", 30)), null, 100);

        Assert.Equal(150_000L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 100, 30), layer.OutputShapes.Single());
        Assert.Equal([5000L, 30], layer.Tensors!.Single().Shape);
    }

    [Fact]
    public void Embedding_then_bidirectional_lstm_then_dense_matches_a_stored_file()
    {
        // 150,000 + 2·4·30·(30+30+1) + (60 + 1) = 150,000 + 14,640 + 61 = 164,701
        var analysis = Build.Analyze(
            Shape.Of(null, 100),
            Build.Layer("Embedding", "embedding", ("input_dim", 5000), ("output_dim", 30)),
            Build.Wrapper("Bidirectional", "bidirectional", Build.Layer("LSTM", "lstm", ("units", 30))),
            Build.Layer("Dense", "dense", ("units", 1)));

        Assert.Equal([150_000L, 14_640, 61], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal(164_701L, analysis.ExpectedParams);
    }

    [Fact]
    public void Missing_units_is_a_finding_that_names_the_config_path()
    {
        var analysis = Build.Analyze(Shape.Of(null, 4), Build.Layer("Dense", "dense"));

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("KI1003", "'units' is missing", "$.dense"), (finding.Code, finding.Message, finding.ConfigPath));
        Assert.False(analysis.Layers[0].IsVerified);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(2.5)]
    public void Units_that_are_not_a_positive_whole_number_are_a_finding(double units)
    {
        var analysis = Build.Analyze(Shape.Of(null, 4), Build.Layer("Dense", "dense", ("units", units)));

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("KI1003", finding.Code);
        Assert.Equal("$.dense.units", finding.ConfigPath);
    }
}
