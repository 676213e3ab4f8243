using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Config;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Reports.Tests;

/// <summary>Reports built by hand, so writer tests check formatting only; every number is worked in the comments.</summary>
internal static class ReportSamples
{
    /// <summary>LSTM(32) on (None, 10, 64) whose kernel is stored as (32, 128): expected 4·32·(64+32+1) = 12,416, stored 4,096 + 4,096 + 128 = 8,320.</summary>
    public static FileReport LstmWithNarrowKernel()
    {
        var spec = new LayerSpec("lstm", "LSTM", ConfigValue.Object("$.config.layers[0].config", []));
        var analysis = new LayerAnalysis(spec)
        {
            InputShapes = [Shape.Of(null, 10, 64)],
            OutputShapes = [Shape.Of(null, 32)],
            Tensors = [new ExpectedTensor("kernel", [64, 128]), new ExpectedTensor("recurrent_kernel", [32, 128]), new ExpectedTensor("bias", [128])],
            Formula = "4 × (64 + 32 + 1) × 32",
            ExpectedParams = 12_416,
            TrainableParams = 12_416,
            NonTrainableParams = 0,
        };
        const string Prefix = "/model_weights/lstm/lstm/lstm_cell/";
        return new FileReport("model.h5", "keras-h5", "2.11.0")
        {
            Layers =
            [
                new LayerReport("lstm", "LSTM", Verdict.Mismatch)
                {
                    Expected = analysis,
                    StoredParams = 8_320,
                    Tensors =
                    [
                        new TensorCheck("kernel", Verdict.Mismatch) { ExpectedShape = [64, 128], Trainable = true, StoredShape = [32, 128], StoredPath = Prefix + "kernel:0", Hint = "check the layer before" },
                        new TensorCheck("recurrent_kernel", Verdict.Match) { ExpectedShape = [32, 128], Trainable = true, StoredShape = [32, 128], StoredPath = Prefix + "recurrent_kernel:0" },
                        new TensorCheck("bias", Verdict.Match) { ExpectedShape = [128], Trainable = true, StoredShape = [128], StoredPath = Prefix + "bias:0" },
                    ],
                },
            ],
            Findings = [Findings.ShapeMismatch("lstm", "kernel", "(64, 128)", "(32, 128)", Prefix + "kernel:0", "check the layer before")],
            OptimizerTensors = 7,
        };
    }
}
