using KerasInspect.Hdf5.Format;

namespace KerasInspect.Hdf5.Tests;

public sealed class Lookup3Tests
{
    // Expected values from the self-test comments of Bob Jenkins' lookup3.c (driver5).
    [Theory]
    [InlineData("", 0u, 0xdeadbeefu)]
    [InlineData("", 0xdeadbeefu, 0xbd5b7ddeu)]
    [InlineData("Four score and seven years ago", 0u, 0x17770551u)]
    [InlineData("Four score and seven years ago", 1u, 0xcd628161u)]
    public void Hash_matches_the_reference_vectors(string text, uint initial, uint expected)
    {
        Assert.Equal(expected, Lookup3.HashLittle(System.Text.Encoding.ASCII.GetBytes(text), initial));
    }
}
