using KerasInspect.Core.Model;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Seeded random configurations checked against relations that must hold for any size.</summary>
public sealed class RulePropertyTests
{
    private const int Cases = 300;

    private static readonly string[] Recurrent = ["SimpleRNN", "LSTM", "GRU"];

    [Fact]
    public void Count_equals_the_sum_of_the_expected_tensor_sizes()
    {
        var random = new Random(3);
        for (var i = 0; i < Cases; i++)
        {
            var layer = Build.One(RandomLayer(random), null, random.Next(1, 50), random.Next(1, 5000));

            Assert.Equal(layer.Tensors!.Sum(t => t.Shape.Aggregate(1L, (p, d) => p * d)), layer.ExpectedParams);
            Assert.Equal(layer.ExpectedParams, layer.TrainableParams + layer.NonTrainableParams);
        }
    }

    [Fact]
    public void Bidirectional_is_twice_the_inner_layer()
    {
        var random = new Random(5);
        for (var i = 0; i < Cases; i++)
        {
            var inner = RandomLayer(random);
            var features = random.Next(1, 5000);

            var single = Build.One(inner, null, 7, features);
            var both = Build.One(Build.Wrapper("Bidirectional", "b", inner), null, 7, features);

            Assert.Equal(2 * single.ExpectedParams, both.ExpectedParams);
        }
    }

    [Fact]
    public void TimeDistributed_dense_equals_the_inner_dense()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var dense = Build.Layer("Dense", "d", ("units", random.Next(1, 3000)), ("use_bias", random.Next(2) == 0));
            var features = random.Next(1, 3000);

            Assert.Equal(
                Build.One(dense, null, features).ExpectedParams,
                Build.One(Build.Wrapper("TimeDistributed", "td", dense), null, random.Next(1, 100), features).ExpectedParams);
        }
    }

    [Fact]
    public void Use_bias_false_removes_exactly_the_bias()
    {
        var random = new Random(11);
        for (var i = 0; i < Cases; i++)
        {
            var className = Recurrent[random.Next(Recurrent.Length)];
            var units = random.Next(1, 4000);
            var features = random.Next(1, 4000);
            var gates = className switch { "LSTM" => 4, "GRU" => 3, _ => 1 };
            var biasRows = className == "GRU" ? 2 : 1;

            var with = Build.One(Build.Layer(className, "r", ("units", units), ("reset_after", true)), null, null, features);
            var without = Build.One(Build.Layer(className, "r", ("units", units), ("reset_after", true), ("use_bias", false)), null, null, features);

            Assert.Equal((long)biasRows * gates * units, with.ExpectedParams - without.ExpectedParams);
        }
    }

    [Fact]
    public void Reset_after_adds_exactly_3u()
    {
        var random = new Random(13);
        for (var i = 0; i < Cases; i++)
        {
            var units = random.Next(1, 100_000);
            var features = random.Next(1, 100_000);

            var after = Build.One(Build.Layer("GRU", "g", ("units", units), ("reset_after", true)), null, null, features);
            var before = Build.One(Build.Layer("GRU", "g", ("units", units), ("reset_after", false)), null, null, features);

            Assert.Equal(3L * units, after.ExpectedParams - before.ExpectedParams);
        }
    }

    [Fact]
    public void Sizes_past_32_bits_match_128_bit_arithmetic_and_past_64_bits_give_a_finding()
    {
        var random = new Random(17);
        for (var i = 0; i < Cases; i++)
        {
            long units = random.NextInt64(1, 3_000_000_000);
            long features = random.NextInt64(1, 3_000_000_000);
            Int128 exact = (Int128)4 * units * (features + units + 1);

            var analysis = Build.Analyze(Shapes.Shape.Of(null, null, features), Build.Layer("LSTM", "l", ("units", units)));

            if (exact <= long.MaxValue)
            {
                Assert.Equal((long)exact, analysis.ExpectedParams);
            }
            else
            {
                Assert.Equal("KI1004", Assert.Single(analysis.Diagnostics).Code);
                Assert.Null(analysis.Layers[0].ExpectedParams);
            }
        }
    }

    private static LayerSpec RandomLayer(Random random)
    {
        var className = Recurrent[random.Next(Recurrent.Length)];
        return Build.Layer(className, "r",
            ("units", random.Next(1, 3000)),
            ("use_bias", random.Next(4) != 0),
            ("reset_after", random.Next(2) == 0),
            ("return_sequences", random.Next(2) == 0));
    }
}
