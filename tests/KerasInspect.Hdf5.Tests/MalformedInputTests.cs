using System.Buffers.Binary;
using KerasInspect.Tests;

namespace KerasInspect.Hdf5.Tests;

/// <summary>
/// Damaged copies of a real-layout fixture, made in memory: each must give an <see cref="Hdf5FormatException"/>
/// naming the file and offset (or, for a harmless change, a snapshot), never another exception or a hang.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Name = "damaged.h5";
    private static readonly byte[] Keras = File.ReadAllBytes(TestPaths.InTestData("hdf5", "keras2_h5py3.h5"));

    [Fact]
    public void Truncation_at_any_offset_is_a_typed_error()
    {
        var offsets = Enumerable.Range(0, 1200).Concat(Enumerable.Range(0, 400).Select(i => i * Keras.Length / 400));

        foreach (var length in offsets.Distinct())
        {
            var error = ReadExpectingError(Keras[..length]);
            Assert.StartsWith(Name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Truncated_file_names_both_lengths()
    {
        var error = ReadExpectingError(Keras[..(Keras.Length - 1)]);

        Assert.Contains($"records {Keras.Length} bytes, the file has {Keras.Length - 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bit_flip_in_the_superblock_and_root_object_header_is_read_or_refused()
    {
        var errors = 0;
        for (var bit = 0; bit < 8 * 1024; bit++)
        {
            var copy = (byte[])Keras.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            errors += ReadOrRefuse(copy) ? 0 : 1;
        }

        Assert.InRange(errors, 100, 8 * 1024); // the signature alone accounts for 64 refusals
    }

    [Fact]
    public void Random_byte_damage_anywhere_is_read_or_refused()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 3000; i++)
        {
            var copy = (byte[])Keras.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            ReadOrRefuse(copy);
        }
    }

    [Fact]
    public void Zero_filled_file_is_not_hdf5()
    {
        var error = ReadExpectingError(new byte[4096]);

        Assert.Contains("no HDF5 signature", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Unknown_superblock_version_is_refused_as_unsupported()
    {
        var copy = (byte[])Keras.Clone();
        copy[8] = 7;

        var error = ReadExpectingError(copy);

        Assert.True(error.IsUnsupportedFeature);
        Assert.Equal($"{Name}: / (byte 8): superblock version 7 is not supported (0 to 3 are)", error.Message);
    }

    [Fact]
    public void Group_btree_child_pointing_to_its_own_node_is_a_cycle_error()
    {
        var copy = (byte[])Keras.Clone();
        var node = IndexOf(copy, "TREE"u8, 0);
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(node + 24 + 8), node); // child 0, after key 0

        var error = ReadExpectingError(copy);

        Assert.Contains($"node at byte {node} is reached twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_header_continuation_looping_back_is_an_error()
    {
        var copy = (byte[])Keras.Clone();
        var (message, _) = FindV1Message(copy, 96, type: 0x0010);
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(message), 96 + 16); // back to the root header's first chunk

        var error = ReadExpectingError(copy);

        Assert.Contains("loops back to byte 112", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_heap_object_running_past_its_collection_is_an_error()
    {
        var copy = (byte[])Keras.Clone();
        var collection = IndexOf(copy, "GCOL"u8, 0);
        var firstObjectSize = collection + 16 + 8;
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(firstObjectSize), long.MaxValue / 2);

        var error = ReadExpectingError(copy);

        Assert.Contains("past the end of its collection", error.Message, StringComparison.Ordinal);
        Assert.Equal(firstObjectSize, error.Offset);
    }

    [Fact]
    public void Group_listing_one_name_twice_is_an_error()
    {
        // The second entry of a symbol table node made to point at the first entry's name. libhdf5 would list the
        // name twice and resolve both to the first object (fuzz case seed1-case09344 in an earlier run).
        var copy = (byte[])Keras.Clone();
        var node = IndexOf(copy, "SNOD"u8, 0);
        Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(node + 6)) >= 2, "the test needs a node with two entries");
        var first = node + 8;
        var second = first + 40;
        copy.AsSpan(first, 8).CopyTo(copy.AsSpan(second, 8)); // the link name offset into the local heap

        var error = ReadExpectingError(copy);

        Assert.Matches("the group links the name '.+' twice", error.Message);
    }

    [Fact]
    public void Global_heap_collection_whose_size_runs_past_its_free_space_is_an_error()
    {
        // An enlarged collection size leaves the free-space object short of the end; libhdf5 would parse the rest
        // of the free space as objects and hand out garbage strings (fuzz cases seed1-case06198 and 09704).
        var copy = (byte[])Keras.Clone();
        var collection = IndexOf(copy, "GCOL"u8, 0);
        var size = BinaryPrimitives.ReadInt64LittleEndian(copy.AsSpan(collection + 8));
        Assert.True(collection + size + 64 <= copy.Length, "the test needs 64 bytes after the collection");
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(collection + 8), size + 64);

        var error = ReadExpectingError(copy);

        Assert.Contains($"the free space of the global heap collection at byte {collection} claims", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variable_length_string_longer_than_its_heap_object_is_an_error()
    {
        var copy = (byte[])Keras.Clone();
        var collection = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(collection, IndexOf(copy, "GCOL"u8, 0));
        var element = IndexOf(copy, collection, 0) - 4; // a vlen element: length (4), collection address (8), index (4)
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(element), int.MaxValue);

        var error = ReadExpectingError(copy);

        Assert.Contains($"variable-length string claims {int.MaxValue} × 1 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(element, error.Offset);
    }

    [Fact]
    public void Global_heap_collection_larger_than_the_file_is_an_error()
    {
        var copy = (byte[])Keras.Clone();
        var collection = IndexOf(copy, "GCOL"u8, 0);
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(collection + 8), 1L << 40);

        var error = ReadExpectingError(copy);

        Assert.Contains($"global heap collection claims {1L << 40} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimension_beyond_64_bits_is_an_error_and_a_huge_but_valid_shape_is_kept()
    {
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "huge_dims.h5"));
        var snapshot = H5File.ReadSnapshot(bytes, Name);
        var huge = Assert.IsType<H5Dataset>(snapshot.Find("/huge"));
        Assert.Equal([1L << 40, 1L << 20], huge.Shape);

        var dim = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(dim, 1L << 40);
        BinaryPrimitives.WriteInt64LittleEndian(dim.AsSpan(8), 1L << 20);
        var at = IndexOf(bytes, dim, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), ulong.MaxValue - 1);

        var error = ReadExpectingError(bytes);

        Assert.Contains("beyond 64-bit signed range", error.Message, StringComparison.Ordinal);
        Assert.Equal("/huge", error.ObjectPath);
    }

    [Fact]
    public void Attribute_claiming_more_elements_than_its_message_holds_is_an_error()
    {
        var copy = (byte[])Keras.Clone();
        var (message, _) = FindAttribute(copy, "layer_names");
        // version 1 attribute: 8-byte header, name "layer_names\0" padded to 16, datatype (16 + 8 base = 24 padded), dataspace dims at +8
        var dataspace = message + 8 + 16 + 24;
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(dataspace + 8), 999_999);

        var error = ReadExpectingError(copy);

        Assert.Contains("attribute 'layer_names' needs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_padding_bits_are_ignored_as_libhdf5_ignores_them()
    {
        // big_attr_values.h5 stores int64_scalar = -(2^53 + 1) as a signed 64-bit integer of 64 significant bits.
        var bytes = WithInt64Precision(32); // only the low 32 bits are significant now

        var snapshot = H5File.ReadSnapshot(bytes, Name);

        // the low 32 bits of -(2^53 + 1) are all ones: -1 once sign-extended from bit 31
        var value = Assert.IsType<H5IntegerValue>(snapshot.Root.Attribute("int64_scalar")!.Value);
        Assert.Equal([-1L], value.Items);
    }

    [Fact]
    public void Integer_attribute_with_significant_bits_outside_its_element_is_an_error()
    {
        // Fuzz case seed2-case03036: precision 192 in an 8-byte integer; libhdf5 reads past the element (h5py gave
        // 2^63 - 1 for a stored 10).
        var bytes = WithInt64Precision(192);

        var error = ReadExpectingError(bytes);

        Assert.Contains("integer type of attribute 'int64_scalar' has 192 significant bits at bit 0, outside its 64 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_attribute_without_significant_bits_is_zero_as_libhdf5_converts_it()
    {
        // precision 0: no bit of the element counts; h5py 3.7 (libhdf5 1.10.8) reads such an attribute as [0]
        var bytes = WithInt64Precision(0);

        var snapshot = H5File.ReadSnapshot(bytes, Name);

        var value = Assert.IsType<H5IntegerValue>(snapshot.Root.Attribute("int64_scalar")!.Value);
        Assert.Equal([0L], value.Items);
    }

    [Fact]
    public void Float_with_mantissa_normalization_3_is_an_error()
    {
        // bits 4-5 of a float type's class bits: 0, 1 and 2 exist; libhdf5 refuses 3 as well
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "big_attr_values.h5"));
        var type = bytes.AsSpan().IndexOf("float32_scalar\0\0"u8) + 16;
        Assert.Equal(0x11, bytes[type]); // version 1, floating point
        bytes[type + 1] |= 0x30;

        var error = ReadExpectingError(bytes);

        Assert.Contains("mantissa normalization 3 does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(type + 1, error.Offset);
    }

    [Fact]
    public void Variable_length_string_with_a_zero_byte_base_type_is_an_error()
    {
        // Fuzz case seed2-case02436: a vlen string's 1-byte base type made 0 bytes; libhdf5 reads it as "".
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "big_attr_values.h5"));
        byte[] utf8VlenString = [0x19, 0x01, 0x01, 0x00, 0x10, 0, 0, 0, 0x10, 0, 0, 0, 1, 0, 0, 0];
        var at = IndexOf(bytes, utf8VlenString, 0);
        bytes[at + 12] = 0;

        var error = ReadExpectingError(bytes);

        Assert.Contains("datatype element size 0 is not valid", error.Message, StringComparison.Ordinal);
        Assert.Equal(at + 12, error.Offset);
    }

    [Fact]
    public void Group_nesting_deeper_than_the_limit_is_an_error()
    {
        var limits = ReadLimits.Default with { MaxDepth = 3 };

        var error = Assert.Throws<Hdf5FormatException>(() => H5File.ReadSnapshot(TestPaths.InTestData("hdf5", "nested_groups.h5"), limits));

        Assert.Contains("nested deeper than 3 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_io_error_not_a_format_error()
    {
        Assert.Throws<FileNotFoundException>(() => H5File.ReadSnapshot(Path.Combine(TestPaths.TestData, "no-such-file.h5")));
    }

    /// <summary>big_attr_values.h5 with the precision of int64_scalar's type (64 significant bits at bit 0) changed.</summary>
    private static byte[] WithInt64Precision(byte precision)
    {
        var bytes = File.ReadAllBytes(TestPaths.InTestData("hdf5", "big_attr_values.h5"));
        byte[] int64Type = [0x10, 0x08, 0, 0, 8, 0, 0, 0, 0, 0, 64, 0];
        bytes[IndexOf(bytes, int64Type, 0) + 10] = precision;
        return bytes;
    }

    private static Hdf5FormatException ReadExpectingError(byte[] bytes) =>
        Assert.Throws<Hdf5FormatException>(() => RunBounded(bytes));

    /// <summary>True when the damaged file still reads; false when it is refused with the typed error. Anything else fails.</summary>
    private static bool ReadOrRefuse(byte[] bytes)
    {
        try
        {
            RunBounded(bytes);
            return true;
        }
        catch (Hdf5FormatException error)
        {
            Assert.StartsWith(Name, error.Message, StringComparison.Ordinal);
            return false;
        }
    }

    /// <summary>Reads on a worker with a generous deadline, so a hang fails the test instead of stalling the suite.</summary>
    private static void RunBounded(byte[] bytes)
    {
        var task = Task.Run(() => H5File.ReadSnapshot(bytes, Name));
        if (Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60))).GetAwaiter().GetResult() != task)
        {
            Assert.Fail("reading a damaged file did not finish within 60 s");
        }

        task.GetAwaiter().GetResult();
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, int from)
    {
        var at = haystack.AsSpan(from).IndexOf(needle);
        Assert.True(at >= 0, "structure not found in the fixture");
        return from + at;
    }

    /// <summary>The data offset and size of the first message of a type in a version 1 object header's first chunk.</summary>
    private static (int Data, int Size) FindV1Message(byte[] bytes, int header, int type)
    {
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(header + 8));
        for (var at = header + 16; at + 8 <= header + 16 + chunkSize;)
        {
            int messageType = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
            int size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 2));
            if (messageType == type)
            {
                return (at + 8, size);
            }

            at += 8 + size;
        }

        Assert.Fail($"message 0x{type:x4} not found in the header at byte {header}");
        return default;
    }

    /// <summary>The start of the version 1 attribute message named <paramref name="name"/> (found by its name bytes).</summary>
    private static (int Message, int Name) FindAttribute(byte[] bytes, string name)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name + "\0");
        var at = IndexOf(bytes, nameBytes, 0);
        return (at - 8, at);
    }
}
