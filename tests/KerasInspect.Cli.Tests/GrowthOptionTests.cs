namespace KerasInspect.Cli.Tests;

public sealed class GrowthOptionTests
{
    [Theory]
    [InlineData("10%", 0.1, null)]
    [InlineData("2.5%", 0.025, null)]
    [InlineData("50k", null, 50_000L)]
    [InlineData("1.5M", null, 1_500_000L)]
    [InlineData("0", null, 0L)]
    public void Parses_a_percentage_or_a_count(string text, double? fraction, long? count)
    {
        var limit = GrowthOption.Parse(text)!;

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
    public void Anything_else_is_none(string text) => Assert.Null(GrowthOption.Parse(text));
}
