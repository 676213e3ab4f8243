namespace KerasInspect.Cli.Tests;

public sealed class CountOptionTests
{
    [Theory]
    [InlineData("200000", 200_000L)]
    [InlineData("200k", 200_000L)]
    [InlineData("1.5M", 1_500_000L)]
    [InlineData("2G", 2_000_000_000L)]
    [InlineData("1_000", 1_000L)]
    public void Count_accepts_plain_numbers_and_suffixes(string text, long expected)
    {
        Assert.Equal(expected, CountOption.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("1.5")]
    [InlineData("-3k")]
    [InlineData("99999999999999999999G")]
    public void Count_rejects_what_is_not_a_whole_number_of_parameters(string text)
    {
        Assert.Null(CountOption.Parse(text));
    }
}
