using KerasInspect.Core.Audit;
using KerasInspect.Core.Diff;

namespace KerasInspect.Core.Tests.Diff;

public sealed class GrowthLimitTests
{
    [Theory]
    [InlineData("10%", 1_000, 1_100, false)] // +10.0% is not more than 10%
    [InlineData("10%", 1_000, 1_101, true)] // +10.1%
    [InlineData("100", 1_000, 1_100, false)]
    [InlineData("100", 1_000, 1_101, true)]
    [InlineData("1%", 1_000, 500, false)] // shrinking never exceeds
    public void Growth_beyond_the_limit_is_a_failure(string limit, long before, long after, bool fails)
    {
        var diff = ModelDiff.Compare("old.h5", "new.h5", Report(before), Report(after));

        Assert.Equal(fails, Limit(limit).Exceeded(diff) is not null);
    }

    [Fact]
    public void A_model_new_in_the_folder_grows_from_nothing_and_only_a_count_limits_it()
    {
        var added = ModelDiff.Compare(null, "new.h5", null, Report(500));

        Assert.Equal(500, added.ParamsChange);
        Assert.Null(new GrowthLimit(0.1, null).Exceeded(added));
        Assert.NotNull(new GrowthLimit(null, 499).Exceeded(added));
    }

    private static GrowthLimit Limit(string text) => text.EndsWith('%')
        ? new GrowthLimit(double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture) / 100, null)
        : new GrowthLimit(null, long.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A config-only report of one Dense layer with <paramref name="count"/> expected parameters.</summary>
    private static FileReport Report(long count) => new("m.h5", "test", null)
    {
        Layers = [new LayerReport("dense", "Dense", Verdict.NoWeights) { Expected = new(Build.Layer("Dense", "dense")) { ExpectedParams = count, TrainableParams = count, NonTrainableParams = 0 } }],
    };
}
