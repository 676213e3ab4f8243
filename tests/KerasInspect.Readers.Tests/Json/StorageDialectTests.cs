using KerasInspect.Core.Analysis;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Tests.Json;

/// <summary>Each Keras generation's tensor names, applied by the reader to the rules' roles (keras-file-formats.md §3.2, §4).</summary>
public sealed class StorageDialectTests
{
    private static IEnumerable<string> Names(string version, string layer) =>
        ModelAnalyzer.Default.Analyze(KerasJsonModelReader.FromJson(
            $$"""{"class_name": "Sequential", "keras_version": "{{version}}", "config": [{{layer}}]}""", "model.json").Model)
            .Layers.Single().Tensors!.Select(t => t.Name);

    [Fact]
    public void Keras_1_lstm_stores_each_gate_apart_in_gate_order_i_c_f_o()
    {
        // §3.2: W_i U_i b_i  W_c U_c b_c  W_f U_f b_f  W_o U_o b_o
        var names = Names("1.2.2", """{"class_name": "LSTM", "config": {"name": "lstm_1", "output_dim": 8, "batch_input_shape": [null, 5, 3]}}""");

        Assert.Equal(
            ["lstm_1_W_i", "lstm_1_U_i", "lstm_1_b_i", "lstm_1_W_c", "lstm_1_U_c", "lstm_1_b_c",
             "lstm_1_W_f", "lstm_1_U_f", "lstm_1_b_f", "lstm_1_W_o", "lstm_1_U_o", "lstm_1_b_o"],
            names);
    }

    [Fact]
    public void Keras_1_lstm_with_consume_less_gpu_stores_the_gates_fused()
    {
        var names = Names("1.2.2", """{"class_name": "LSTM", "config": {"name": "lstm_1", "output_dim": 8, "consume_less": "gpu", "batch_input_shape": [null, 5, 3]}}""");

        Assert.Equal(["lstm_1_W", "lstm_1_U", "lstm_1_b"], names);
    }

    [Fact]
    public void Keras_1_dense_is_W_and_b()
    {
        var names = Names("1.2.2", """{"class_name": "Dense", "config": {"name": "dense_1", "output_dim": 4, "batch_input_shape": [null, 3]}}""");

        Assert.Equal(["dense_1_W", "dense_1_b"], names);
    }

    [Fact]
    public void Keras_3_depthwise_kernel_is_named_kernel()
    {
        // Keras 3's BaseDepthwiseConv.build adds the depthwise weight as "kernel"; tf.keras as "depthwise_kernel"
        const string Layer = """{"class_name": "DepthwiseConv2D", "config": {"name": "dw", "kernel_size": [3, 3], "batch_input_shape": [null, 8, 8, 32]}}""";

        Assert.Equal(["kernel", "bias"], Names("3.3.3", Layer));
        Assert.Equal(["depthwise_kernel", "bias"], Names("2.15.0", Layer));
    }
}
