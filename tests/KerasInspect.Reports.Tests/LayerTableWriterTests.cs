using KerasInspect.Reports.Text;

namespace KerasInspect.Reports.Tests;

public sealed class LayerTableWriterTests
{
    [Fact]
    public void Cross_check_table_shows_expected_stored_verdict_totals_and_findings()
    {
        var output = new StringWriter { NewLine = "\n" };

        LayerTableWriter.Write(ReportSamples.LstmWithNarrowKernel(), output, TableStyle.CrossCheck, explain: true);

        Assert.Equal(
            """
            layer  class  output shape  expected  stored  verdict
            -----  -----  ------------  --------  ------  --------
            lstm   LSTM   (None, 32)      12,416   8,320  mismatch
                LSTM: 4 × (64 + 32 + 1) × 32 = 12,416
                kernel: expected (64, 128), stored (32, 128) at /model_weights/lstm/lstm/lstm_cell/kernel:0: mismatch (check the layer before)
                recurrent_kernel: expected (32, 128), stored (32, 128) at /model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0: match
                bias: expected (128,), stored (128,) at /model_weights/lstm/lstm/lstm_cell/bias:0: match

            Total params: 12,416 (trainable 12,416, non-trainable 0)
            Stored params: 8,320
            Optimizer tensors: 7 (not parameters, not counted)
            Unsafe content: none found

            Findings:
              KI2001 mismatch: lstm: kernel: expected shape (64, 128), stored (32, 128) at /model_weights/lstm/lstm/lstm_cell/kernel:0; check the layer before

            """,
            output.ToString());
    }

    [Fact]
    public void Table_of_a_clean_file_matches_the_golden_file()
    {
        var output = new StringWriter { NewLine = "\n" };

        LayerTableWriter.Write(ReportSamples.CleanDenseWithHostileName(), output, TableStyle.CrossCheck, explain: true);

        Golden.Assert("dense.txt", output.ToString());
    }

    [Fact]
    public void Formulas_table_has_input_shapes_and_derivations_but_no_stored_column()
    {
        var output = new StringWriter { NewLine = "\n" };

        LayerTableWriter.Write(ReportSamples.LstmWithNarrowKernel(), output, TableStyle.Formulas);

        var lines = output.ToString().Split('\n');
        Assert.Equal("layer  class  input shape     output shape  params  derivation", lines[0]);
        Assert.Equal("lstm   LSTM   (None, 10, 64)  (None, 32)    12,416  LSTM: 4 × (64 + 32 + 1) × 32 = 12,416", lines[2]);
    }
}
