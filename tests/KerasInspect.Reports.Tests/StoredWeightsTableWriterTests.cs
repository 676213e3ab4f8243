using KerasInspect.Core;

namespace KerasInspect.Reports.Tests;

public sealed class StoredWeightsTableWriterTests
{
    [Fact]
    public void Table_lists_every_tensor_and_totals_hand_counted_parameters()
    {
        // LSTM(32) on 64 features: kernel 64×128 = 8,192, recurrent 32×128 = 4,096, bias 128; 4 × (64 + 32 + 1) × 32 = 12,416.
        var weights = new StoredWeights("model.h5", "keras-h5", "2.11.0", "tensorflow",
        [
            new StoredLayer("lstm",
            [
                new StoredTensor("lstm", "lstm/lstm_cell/kernel:0", "/model_weights/lstm/lstm/lstm_cell/kernel:0", [64, 128], "float32"),
                new StoredTensor("lstm", "lstm/lstm_cell/recurrent_kernel:0", "/model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0", [32, 128], "float32"),
                new StoredTensor("lstm", "lstm/lstm_cell/bias:0", "/model_weights/lstm/lstm/lstm_cell/bias:0", [128], "float32"),
            ]),
            new StoredLayer("dropout", []),
        ]);
        var output = new StringWriter { NewLine = "\n" };

        StoredWeightsTableWriter.Write(weights, output);

        Assert.Equal(
            """
            model.h5: keras-h5, Keras 2.11.0, backend tensorflow

            layer    tensor                             shape      dtype    params
            -------  ---------------------------------  ---------  -------  ------
            lstm     lstm/lstm_cell/kernel:0            [64, 128]  float32   8,192
            lstm     lstm/lstm_cell/recurrent_kernel:0  [32, 128]  float32   4,096
            lstm     lstm/lstm_cell/bias:0              [128]      float32     128
            dropout  (no weights)                                                0

            2 layers (1 with weights), 3 tensors, 12,416 stored parameters

            """,
            output.ToString());
    }

    [Fact]
    public void Shape_whose_size_overflows_64_bits_is_shown_as_overflow_not_a_wrapped_number()
    {
        var weights = new StoredWeights("big.h5", "keras-h5", null, null,
            [new StoredLayer("dense", [new StoredTensor("dense", "kernel:0", "/kernel:0", [1L << 40, 1L << 40], "float32")])]);
        var output = new StringWriter { NewLine = "\n" };

        StoredWeightsTableWriter.Write(weights, output);

        Assert.Contains("[1099511627776, 1099511627776]  float32  overflow", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("1 tensor, overflow stored parameters\n", output.ToString(), StringComparison.Ordinal);
    }
}
