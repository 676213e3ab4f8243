using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Diff;

namespace KerasInspect.Core.Tests.Diff;

public sealed class ModelDiffTests
{
    [Fact]
    public void A_lambda_that_only_got_a_new_automatic_name_is_not_an_unsafe_finding_added()
    {
        var old = Report(("dense", "Dense", 136), ("lambda", "Lambda", null)) with { Findings = [Findings.LambdaLayer("lambda", null)] };
        var @new = Report(("dense", "Dense", 136), ("lambda_1", "Lambda", null)) with { Findings = [Findings.LambdaLayer("lambda_1", null)] };

        var diff = ModelDiff.Compare("old.h5", "new.h5", old, @new);

        Assert.Empty(diff.UnsafeAdded);
        Assert.Empty(diff.UnsafeRemoved);
        Assert.Equal(PairingKind.Inferred, diff.Layers[1].Pairing);
    }

    [Fact]
    public void A_second_lambda_is_added_even_when_one_was_there()
    {
        var old = Report(("lambda", "Lambda", null)) with { Findings = [Findings.LambdaLayer("lambda", null)] };
        var @new = Report(("lambda", "Lambda", null), ("scale", "Lambda", null)) with { Findings = [Findings.LambdaLayer("lambda", null), Findings.LambdaLayer("scale", null)] };

        var added = Assert.Single(ModelDiff.Compare("old.h5", "new.h5", old, @new).UnsafeAdded);

        Assert.Equal("scale", added.Layer);
    }

    [Fact]
    public void Repeated_names_in_a_config_do_not_stop_the_diff()
    {
        var old = Report(("dense", "Dense", 136), ("dense", "Dense", 36));
        var @new = Report(("dense", "Dense", 136));

        var diff = ModelDiff.Compare("old.h5", "new.h5", old, @new);

        Assert.Equal(-36, diff.ParamsChange); // 136 + 36 → 136
        Assert.Equal([PairingKind.Name, PairingKind.Removed], diff.Layers.Select(l => l.Pairing));
    }

    [Fact]
    public void Without_stored_weights_on_one_side_the_totals_are_the_expected_counts()
    {
        var stored = Report(("dense", "Dense", 136)) with { Layers = [Row("dense", "Dense", 136) with { StoredParams = 130 }] };
        var configOnly = Report(("dense", "Dense", 136));

        var diff = ModelDiff.Compare("old.h5", "new.json", stored, configOnly);

        Assert.Equal("expected", diff.Basis);
        Assert.Equal((136, 136), (diff.OldParams, diff.NewParams));
        Assert.Null(diff.Layers[0].StoredDelta);
    }

    /// <summary>A Sequential config-only report; a null count is an unverified layer.</summary>
    private static FileReport Report(params (string Name, string ClassName, long? Count)[] layers) =>
        new("m.h5", "test", null) { Layers = [.. layers.Select(l => Row(l.Name, l.ClassName, l.Count))] };

    private static LayerReport Row(string name, string className, long? count) =>
        new(name, className, count is null ? Verdict.Unverified : Verdict.NoWeights)
        {
            Expected = new LayerAnalysis(Build.Layer(className, name)) { ExpectedParams = count, TrainableParams = count, NonTrainableParams = count is null ? null : 0 },
        };
}
