namespace KerasInspect.Core.Tests;

public sealed class ShapeMathTests
{
    [Theory]
    [InlineData(new long[] { }, 1L)]
    [InlineData(new long[] { 64, 128 }, 8_192L)]
    [InlineData(new long[] { 2, 0, 5 }, 0L)]
    [InlineData(new long[] { 1L << 40, 1L << 20 }, 1L << 60)]
    public void Count_is_the_product_of_the_dimensions(long[] shape, long expected)
    {
        Assert.Equal(expected, ShapeMath.TryCount(shape));
    }

    [Theory]
    [InlineData(new long[] { 1L << 40, 1L << 24 })]
    [InlineData(new long[] { long.MaxValue, 2 })]
    [InlineData(new long[] { -1, 3 })]
    public void Count_that_overflows_or_has_a_negative_dimension_is_null(long[] shape)
    {
        Assert.Null(ShapeMath.TryCount(shape));
    }

    [Fact]
    public void Sum_is_null_when_a_part_is_unknown_or_the_total_overflows()
    {
        Assert.Equal(12_416L, ShapeMath.TrySum([8_192L, 4_096L, 128L]));
        Assert.Null(ShapeMath.TrySum([1L, null]));
        Assert.Null(ShapeMath.TrySum([long.MaxValue, 1L]));
    }
}
