using KerasInspect.Core.Audit;
using KerasInspect.Core.Diff;

namespace KerasInspect.Core.Tests.Diff;

public sealed class GrowthLimitTests
{
    [Theory]
    [InlineData("10%", 0.1, null)]
    [InlineData("2.5%", 0.025, null)]
    [InlineData("50k", null, 50_000L)]
    [InlineData("1.5M", null, 1_500_000L)]
    [InlineData("0", null, 0L)]
    public void Parses_a_percentage_or_a_count(string text, double? fraction, long? count)
    {
        var limit = GrowthLimit.Parse(text)!;

        Assert.Equal(count, limit.Count);
        Assert.Equal(fraction is null, limit.Fraction is null);
        if (fraction is { } f)
        {
            Assert.Equal(f, limit.Fraction!.Value, 12);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("ten%")]
    [InlineData("-5%")]
    [InlineData("lots")]
    public void Anything_else_is_none(string text) => Assert.Null(GrowthLimit.Parse(text));

    [Theory]
    [InlineData("10%", 1_000, 1_100, false)] // +10.0% is not more than 10%
    [InlineData("10%", 1_000, 1_101, true)] // +10.1%
    [InlineData("100", 1_000, 1_100, false)]
    [InlineData("100", 1_000, 1_101, true)]
    [InlineData("1%", 1_000, 500, false)] // shrinking never exceeds
    public void Growth_beyond_the_limit_is_a_failure(string limit, long before, long after, bool fails)
    {
        var diff = ModelDiff.Compare("old.h5", "new.h5", Report(before), Report(after));

        Assert.Equal(fails, GrowthLimit.Parse(limit)!.Exceeded(diff) is not null);
    }

    [Fact]
    public void A_model_new_in_the_folder_grows_from_nothing_and_only_a_count_limits_it()
    {
        var added = ModelDiff.Compare(null, "new.h5", null, Report(500));

        Assert.Equal(500, added.ParamsChange);
        Assert.Null(GrowthLimit.Parse("10%")!.Exceeded(added));
        Assert.NotNull(GrowthLimit.Parse("499")!.Exceeded(added));
    }

    /// <summary>A config-only report of one Dense layer with <paramref name="count"/> expected parameters.</summary>
    private static FileReport Report(long count) => new("m.h5", "test", null)
    {
        Layers = [new LayerReport("dense", "Dense", Verdict.NoWeights) { Expected = new(Build.Layer("Dense", "dense")) { ExpectedParams = count, TrainableParams = count, NonTrainableParams = 0 } }],
    };
}
