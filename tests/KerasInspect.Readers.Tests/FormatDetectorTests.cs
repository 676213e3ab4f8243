using System.Text;
using KerasInspect.Tests;

namespace KerasInspect.Readers.Tests;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("keras2_h5py3.h5", FileKind.Hdf5)]
    [InlineData("userblock.h5", FileKind.Hdf5)]
    [InlineData("keras2_h5py3.expected.json", FileKind.Json)]
    public void Fixture_is_recognised_by_content(string file, FileKind expected)
    {
        Assert.Equal(expected, FormatDetector.Detect(TestPaths.InTestData("hdf5", file)));
    }

    [Theory]
    [InlineData("PK\u0003\u0004rest", FileKind.Zip)]
    [InlineData("  \n{\"modelTopology\": {}}", FileKind.Json)]
    [InlineData("[{\"class_name\": \"Dense\"}]", FileKind.Json)]
    [InlineData("hello", FileKind.Unknown)]
    [InlineData("", FileKind.Unknown)]
    public void Small_inputs_are_recognised_by_their_first_bytes(string head, FileKind expected)
    {
        var bytes = Encoding.Latin1.GetBytes(head);

        Assert.Equal(expected, FormatDetector.Detect(bytes));
    }
}
