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

    [Fact]
    public void Float_attribute_with_a_wider_exponent_range_is_not_decoded_as_float32()
    {
        // The same damage as seed1-case96075, on an attribute, where it would change the decoded value: with bias 111
        // an IEEE read would turn 0.1 into 6553.6. h5py widens such a type to float64 (odd_floats.h5 has one).
        // Layouts h5py still calls float32 are decoded as libhdf5 converts them: see odd_floats.expected.json.
        const int offsetInType = 16;
        const byte value = 0x6f;
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "big_attr_values.h5"));
        var type = bytes.AsSpan().IndexOf("float32_scalar\0\0"u8) + 16;
        Assert.Equal(0x11, bytes[type]); // version 1, floating point
        bytes[type + offsetInType] = value;

        var attribute = H5File.ReadSnapshot(bytes, "damaged.h5").Root.Attribute("float32_scalar")!;

        Assert.Equal("other", attribute.Type.Name);
        Assert.IsType<H5UndecodedValue>(attribute.Value);
    }

    [Theory]
    [InlineData("seed1-case05538")]
    [InlineData("seed1-case08024")]
    public void Group_without_links_never_reads_its_local_heap(string name)
    {
        // big_attr_values.h5 with the data segment address of a link-less group's local heap damaged: h5py never
        // reads that heap (there is no name to look up), and neither does the reader.
        var snapshot = H5File.ReadSnapshot(TestPaths.InTestData("regressions", name + ".h5"));

        SnapshotAssert.EqualsExpectation(TestPaths.InTestData("regressions", name + ".expected.json"), snapshot);
    }

    [Fact]
    public void Variable_length_string_counts_base_elements_of_its_base_type_size()
    {
        // seed1-case07540: unknown_layer.h5 with the base type of /optimizer_weights' weight_names grown from 1 to 65
        // bytes. libhdf5 reads 65 bytes per character, past the heap object (h5py returned garbage); the reader refuses.
        var error = Assert.Throws<Hdf5FormatException>(() => H5File.ReadSnapshot(TestPaths.InTestData("regressions", "seed1-case07540.h5")));

        Assert.Contains("variable-length string claims 11 × 65 bytes, its heap object holds 11", error.Message, StringComparison.Ordinal);
        Assert.Equal("/optimizer_weights", error.ObjectPath);
    }
}
