using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Seeded random configurations of the issue-9 rules, checked against relations that hold for any size.</summary>
public sealed class CoveragePropertyTests
{
    private const int Cases = 200;

    private static readonly string[] Windowed =
        ["Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D"];

    [Fact]
    public void Use_bias_false_removes_exactly_the_bias_of_windowed_layers()
    {
        var random = new Random(19);
        for (var i = 0; i < Cases; i++)
        {
            var className = Windowed[random.Next(Windowed.Length)];
            var rank = className.First(char.IsAsciiDigit) - '0';
            var filters = random.Next(1, 300);
            var multiplier = random.Next(1, 4);
            var channels = random.Next(1, 300);
            long?[] input = [null, .. Enumerable.Range(0, rank).Select(_ => (long?)random.Next(8, 40)), channels];
            (string, object?)[] config = [("filters", filters), ("kernel_size", random.Next(1, 6)), ("depth_multiplier", multiplier), ("padding", random.Next(2) == 0 ? "valid" : "same")];

            var with = Build.One(Build.Layer(className, "c", config), input);
            var without = Build.One(Build.Layer(className, "c", [.. config, ("use_bias", false)]), input);

            var bias = className.StartsWith("Depthwise", StringComparison.Ordinal) ? (long)channels * multiplier : filters;
            Assert.Equal(bias, with.ExpectedParams - without.ExpectedParams);
            Assert.Equal(with.Tensors!.Sum(t => t.Size), with.ExpectedParams);
            Assert.Equal(with.OutputShapes, without.OutputShapes);
        }
    }

    [Fact]
    public void TimeDistributed_convolution_equals_the_convolution_on_one_frame()
    {
        var random = new Random(23);
        for (var i = 0; i < Cases; i++)
        {
            var className = Windowed[random.Next(Windowed.Length)];
            var rank = className.First(char.IsAsciiDigit) - '0';
            long?[] frame = [null, .. Enumerable.Range(0, rank).Select(_ => (long?)random.Next(8, 40)), random.Next(1, 64)];
            var inner = Build.Layer(className, "c", ("filters", random.Next(1, 64)), ("kernel_size", random.Next(1, 6)), ("strides", random.Next(1, 3)));
            var steps = random.Next(1, 30);

            var single = Build.One(inner, frame);
            var wrapped = Build.One(Build.Wrapper("TimeDistributed", "td", inner), [frame[0], steps, .. frame[1..]]);

            Assert.Equal(single.ExpectedParams, wrapped.ExpectedParams);
            Assert.Equal(single.OutputShapes.Single()!.InsertAxis(1, steps), wrapped.OutputShapes.Single());
        }
    }

    [Fact]
    public void ConvLstm_with_a_1_kernel_is_an_lstm_per_pixel()
    {
        // a 1×1 ConvLSTM2D with F filters on f channels has the weights of LSTM(F) on f features: 4F·(f + F + 1)
        var random = new Random(29);
        for (var i = 0; i < Cases; i++)
        {
            var filters = random.Next(1, 500);
            var channels = random.Next(1, 500);

            var conv = Build.One(Build.Layer("ConvLSTM2D", "c", ("filters", filters), ("kernel_size", 1)), null, 3, 4, 4, channels);
            var lstm = Build.One(Build.Layer("LSTM", "l", ("units", filters)), null, 3, channels);

            Assert.Equal(lstm.ExpectedParams, conv.ExpectedParams);
        }
    }

    [Fact]
    public void CuDnn_layers_add_one_more_bias_row_to_lstm_and_equal_gru_reset_after()
    {
        var random = new Random(31);
        for (var i = 0; i < Cases; i++)
        {
            var units = random.Next(1, 2000);
            var features = random.Next(1, 2000);

            var lstm = Build.One(Build.Layer("LSTM", "l", ("units", units)), null, null, features);
            var cudnnLstm = Build.One(Build.Layer("CuDNNLSTM", "l", ("units", units)), null, null, features);
            var gru = Build.One(Build.Layer("GRU", "g", ("units", units), ("reset_after", true)), null, null, features);
            var cudnnGru = Build.One(Build.Layer("CuDNNGRU", "g", ("units", units)), null, null, features);

            Assert.Equal(4L * units, cudnnLstm.ExpectedParams - lstm.ExpectedParams);
            Assert.Equal(gru.ExpectedParams, cudnnGru.ExpectedParams);
        }
    }

    [Fact]
    public void Self_attention_count_is_4hkd_plus_3hk_plus_d()
    {
        // V = K and Do = D: 3·(D·H·K + H·K) + H·K·D + D
        var random = new Random(37);
        for (var i = 0; i < Cases; i++)
        {
            long heads = random.Next(1, 17);
            long keyDim = random.Next(1, 129);
            long width = random.Next(1, 1025);
            var shape = Shape.Of(null, random.Next(1, 50), width);

            var layer = Build.Call(Build.Layer("MultiHeadAttention", "mha", ("num_heads", heads), ("key_dim", keyDim)), shape, shape);

            Assert.Equal((4 * heads * keyDim * width) + (3 * heads * keyDim) + width, layer.ExpectedParams);
        }
    }

    [Fact]
    public void Rnn_over_a_cell_equals_the_matching_layer()
    {
        var random = new Random(41);
        string[][] pairs = [["LSTMCell", "LSTM"], ["GRUCell", "GRU"], ["SimpleRNNCell", "SimpleRNN"]];
        for (var i = 0; i < Cases; i++)
        {
            var pair = pairs[random.Next(pairs.Length)];
            (string, object?)[] config = [("units", random.Next(1, 1000)), ("use_bias", random.Next(2) == 0), ("reset_after", random.Next(2) == 0)];
            var features = random.Next(1, 1000);

            var rnn = Build.One(Build.Layer("RNN", "rnn", ("cell", Build.Serialized(pair[0], config))), null, null, features);
            var layer = Build.One(Build.Layer(pair[1], "layer", config), null, null, features);

            Assert.Equal(layer.ExpectedParams, rnn.ExpectedParams);
            Assert.Equal(layer.Tensors!.Select(t => t.Shape), rnn.Tensors!.Select(t => t.Shape));
        }
    }
}
