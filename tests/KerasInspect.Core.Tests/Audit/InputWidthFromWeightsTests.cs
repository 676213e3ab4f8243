using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Audit;

/// <summary>
/// A layer after one whose output shape is unknown (a custom class here) is planned on the input width its stored
/// kernel shows; the rest of its config is still checked. Expected numbers are worked by hand from the config.
/// </summary>
public sealed class InputWidthFromWeightsTests
{
    private static readonly LayerSpec Custom = Build.Layer("MyScaling", "my_scaling");

    [Fact]
    public void Dense_takes_its_width_from_kernel_axis_0_and_checks_units_and_bias()
    {
        var report = Audit(Build.Layer("Dense", "dense", ("units", 4)), Tensor("dense", "kernel", 7, 4), Tensor("dense", "bias", 4));

        var dense = report.Layers.Single(l => l.Name == "dense");
        Assert.Equal(Verdict.Match, dense.Verdict);
        Assert.Equal(7 * 4 + 4, dense.Expected!.ExpectedParams);
        var finding = Assert.Single(report.Findings, f => f.Layer == "dense");
        Assert.Equal("KI1007", finding.Code);
        Assert.Contains("its width, 7, was read from the stored kernel /dense/kernel:0 (7, 4)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_that_disagrees_with_the_stored_kernel_is_still_a_mismatch()
    {
        // units 3 in the config, 4 columns stored: the width is borrowed, the units are not
        var report = Audit(Build.Layer("Dense", "dense", ("units", 3)), Tensor("dense", "kernel", 7, 4), Tensor("dense", "bias", 4));

        var dense = report.Layers.Single(l => l.Name == "dense");
        Assert.Equal(Verdict.Mismatch, dense.Verdict);
        Assert.Equal(7 * 3 + 3, dense.Expected!.ExpectedParams);
        Assert.Contains(report.Findings, f => f.Code == "KI2001" && f.Layer == "dense");
    }

    [Fact]
    public void Channels_first_convolution_takes_the_kernel_input_axis()
    {
        // kernel (3, 3, in 5, out 8): 3·3·5·8 + 8 = 368
        var conv = Build.Layer("Conv2D", "conv", ("filters", 8), ("kernel_size", 3), ("data_format", "channels_first"));

        var report = Audit(conv, Tensor("conv", "kernel", 3, 3, 5, 8), Tensor("conv", "bias", 8));

        Assert.Equal(368, report.Layers.Single(l => l.Name == "conv").Expected!.ExpectedParams);
        Assert.Equal(Verdict.Match, report.Layers.Single(l => l.Name == "conv").Verdict);
    }

    [Fact]
    public void Grouped_convolution_multiplies_the_kernel_channels_by_the_groups()
    {
        // groups 2 on 4 channels: kernel (3, 3, 4 / 2, 8), 3·3·2·8 + 8 = 152 (param-formulas: kernel (k…, f/groups, F))
        var conv = Build.Layer("Conv2D", "conv", ("filters", 8), ("kernel_size", 3), ("groups", 2));

        var report = Audit(conv, Tensor("conv", "kernel", 3, 3, 2, 8), Tensor("conv", "bias", 8));

        var row = report.Layers.Single(l => l.Name == "conv");
        Assert.Equal(Verdict.Match, row.Verdict);
        Assert.Equal(152, row.Expected!.ExpectedParams);
        Assert.Contains(report.Findings, f => f.Code == "KI1007" && f.Message.Contains("its width, 4,", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_of_the_plan_are_kept()
    {
        // a tf.keras GRU config without reset_after: the plan assumes the writer's default and says so (KI1006)
        var gru = Build.Layer("GRU", "gru", ("units", 2));

        var report = Audit(gru, Tensor("gru", "kernel", 5, 6), Tensor("gru", "recurrent_kernel", 2, 6), Tensor("gru", "bias", 2, 6));

        Assert.Equal(Verdict.Match, report.Layers.Single(l => l.Name == "gru").Verdict);
        Assert.Contains(report.Findings, f => f.Code == "KI1006" && f.Layer == "gru");
    }

    [Fact]
    public void Bidirectional_lstm_takes_the_forward_kernel()
    {
        // 2 directions × 4 × (10 + 16 + 1) × 16 = 3,456 on width 10
        var bi = Build.Wrapper("Bidirectional", "bi", Build.Layer("LSTM", "lstm", ("units", 16)));
        string[] roles = ["kernel", "recurrent_kernel", "bias"];
        long[][] shapes = [[10, 64], [16, 64], [64]];
        var tensors = new[] { "forward_lstm", "backward_lstm" }
            .SelectMany(scope => roles.Select((role, i) => new StoredTensor("bi", $"{scope}/{role}:0", $"/bi/{scope}/{role}:0", shapes[i], "float32")))
            .ToArray();

        var report = Audit(bi, tensors);

        Assert.Equal(3_456, report.Layers.Single(l => l.Name == "bi").Expected!.ExpectedParams);
        Assert.Equal(Verdict.Match, report.Layers.Single(l => l.Name == "bi").Verdict);
    }

    [Fact]
    public void A_class_without_a_known_kernel_layout_stays_unverified()
    {
        // PReLU's alpha has the shape of the whole input but the batch axis: one stored shape does not give the rank
        var report = Audit(Build.Layer("PReLU", "prelu"), Tensor("prelu", "alpha", 6));

        Assert.Equal(Verdict.Unverified, report.Layers.Single(l => l.Name == "prelu").Verdict);
        Assert.Contains(report.Findings, f => f.Code == "KI1002" && f.Layer == "prelu");
    }

    private static FileReport Audit(LayerSpec layer, params StoredTensor[] tensors)
    {
        var analysis = ModelAnalyzer.Default.Analyze(Build.Sequential(Shape.Of(null, 6), Custom, layer));
        var stored = new StoredWeights("test.h5", "test", null, null, [new StoredLayer(layer.Name, tensors)]);
        return CrossCheck.Build("test.h5", "test", null, analysis, stored, optimizerTensors: null);
    }

    private static StoredTensor Tensor(string layer, string role, params long[] shape) =>
        new(layer, $"{role}:0", $"/{layer}/{role}:0", shape, "float32");
}
