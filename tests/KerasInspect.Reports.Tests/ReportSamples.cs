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

    /// <summary>
    /// A clean Dense(4) on (None, 20): 20·4 + 4 = 84 stored as (20, 4) and (4,); its name is a spreadsheet formula and has a
    /// comma and a quote, as an untrusted file's layer names may.
    /// </summary>
    public static FileReport CleanDenseWithHostileName()
    {
        const string Name = "=HYPERLINK(\"http://x\",\"a,b\")";
        var spec = new LayerSpec(Name, "Dense", ConfigValue.Object("$.config.layers[0].config", []));
        var analysis = new LayerAnalysis(spec)
        {
            InputShapes = [Shape.Of(null, 20)],
            OutputShapes = [Shape.Of(null, 4)],
            Tensors = [new ExpectedTensor("kernel", [20, 4]), new ExpectedTensor("bias", [4])],
            Formula = "20 × 4 + 4",
            ExpectedParams = 84,
            TrainableParams = 84,
            NonTrainableParams = 0,
        };
        return new FileReport("dense.h5", "keras-h5", "2.11.0")
        {
            Model = "sequential",
            Layers =
            [
                new LayerReport(Name, "Dense", Verdict.Match)
                {
                    Expected = analysis,
                    StoredParams = 84,
                    Tensors =
                    [
                        new TensorCheck("kernel", Verdict.Match) { ExpectedShape = [20, 4], Trainable = true, StoredShape = [20, 4], StoredPath = "/model_weights/d/d/kernel:0" },
                        new TensorCheck("bias", Verdict.Match) { ExpectedShape = [4], Trainable = true, StoredShape = [4], StoredPath = "/model_weights/d/d/bias:0" },
                    ],
                },
            ],
        };
    }

    public static FileReport Unreadable() =>
        FileReport.Failed("broken.h5", "unknown", new FileError("KI3001", "broken.h5: / (byte 40): the file is truncated: its superblock records 6404 bytes, the file has 5000"));

    /// <summary>The three reports of a run; expected 12,416 + 84 = 12,500, stored 8,320 + 84 = 8,404.</summary>
    public static IReadOnlyList<FileReport> Run() => [LstmWithNarrowKernel(), CleanDenseWithHostileName(), Unreadable()];

    public static RunSummary Summary() => RunSummary.Of(Run(), AuditPolicy.Default, "mismatch", exitCode: 3);
}
