using KerasInspect.Tests;

namespace KerasInspect.Hdf5.Tests;

/// <summary>
/// Files the fuzzer (scripts/fuzz) found the reader getting wrong, replayed from testdata/regressions/; INDEX.jsonl
/// there says how each was made and what differed. Each test names the case.
/// </summary>
public sealed class RegressionTests
{
    [Fact]
    public void Float_with_a_non_ieee_exponent_bias_is_not_float32()
    {
        // seed1-case96075: huge_dims.h5 with one bit flipped in the exponent bias of /huge's float32 type (127 -> 111).
        // The reader called it float32; h5py maps it to float64, which the snapshot names "other".
        var snapshot = H5File.ReadSnapshot(TestPaths.InTestData("regressions", "seed1-case96075.h5"));

        var huge = Assert.IsType<H5Dataset>(snapshot.Find("/huge"));
        Assert.False(huge.ElementType.IsIeee);
        Assert.Equal("other", huge.ElementType.Name);
        SnapshotAssert.EqualsExpectation(TestPaths.InTestData("regressions", "seed1-case96075.expected.json"), snapshot);
    }

    [Theory]
    [InlineData(16, 0x6f)] // exponent bias 111 instead of 127: read as IEEE, 0.1 would become 6553.6
    [InlineData(1, 0x00)] // mantissa normalization "none" instead of "implied": the leading bit is stored
    public void Float_attribute_outside_ieee_layout_is_not_decoded_as_ieee(int offsetInType, byte value)
    {
        // The same damage as seed1-case96075, on an attribute, where it would change the decoded value.
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "big_attr_values.h5"));
        var type = bytes.AsSpan().IndexOf("float32_scalar\0\0"u8) + 16;
        Assert.Equal(0x11, bytes[type]); // version 1, floating point
        bytes[type + offsetInType] = value;

        var attribute = H5File.ReadSnapshot(bytes, "damaged.h5").Root.Attribute("float32_scalar")!;

        Assert.Equal("other", attribute.Type.Name);
        Assert.IsType<H5UndecodedValue>(attribute.Value);
    }
}
