using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>
/// <c>kerasinspect h5dump</c> prints what h5py reports (testdata/hdf5/*.expected.json, and for .keras archives the
/// corpus snapshots in testdata/corpus-expected), and its errors as data.
/// </summary>
public sealed class H5DumpCommandTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in FixtureFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void One_file_dumps_exactly_what_h5py_reports(string file)
    {
        var (code, output, errors) = CliRunner.Run("h5dump", Fixture(file));

        Assert.Equal(0, code);
        Assert.Empty(errors);
        AssertSnapshot(Expected(file), JToken.Parse(output));
    }

    [Fact]
    public void Several_files_are_one_document_in_the_order_given()
    {
        var files = FixtureFiles().ToList();

        var (code, output, errors) = CliRunner.Run(["h5dump", .. files.Select(Fixture)]);

        Assert.Equal(0, code);
        Assert.Empty(errors);
        var entries = (JArray)JObject.Parse(output)["files"]!;
        Assert.Equal(files.Select(Fixture), entries.Select(e => (string)e["path"]!));
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(JTokenType.Null, entries[i]["error"]!.Type);
            AssertSnapshot(Expected(files[i]), entries[i]["snapshot"]!);
        }
    }

    [Fact]
    public void Batch_flag_gives_the_files_document_for_one_file()
    {
        var (code, output, _) = CliRunner.Run("h5dump", "--batch", Fixture("links.h5"));

        Assert.Equal(0, code);
        var entry = JObject.Parse(output)["files"]!.Single();
        AssertSnapshot(Expected("links.h5"), entry["snapshot"]!);
    }

    [Fact]
    public void Unreadable_file_in_a_batch_is_an_error_entry_a_stderr_line_and_exit_3()
    {
        var good = Fixture("links.h5");
        var missing = Path.Combine(TestPaths.TestData, "no-such-file.h5");
        var bytes = File.ReadAllBytes(good);
        using var truncated = new TempFile(bytes[..(bytes.Length / 2)]);

        var (code, output, errors) = CliRunner.Run("h5dump", good, missing, truncated.Path);

        Assert.Equal(3, code);
        var entries = (JArray)JObject.Parse(output)["files"]!;
        Assert.Equal(JTokenType.Object, entries[0]["snapshot"]!.Type);
        Assert.Equal(
            JObject.Parse("""{"message": "no such file", "offset": null, "objectPath": null, "unsupported": false}"""),
            entries[1]["error"]!,
            JToken.EqualityComparer);
        Assert.Equal(JTokenType.Null, entries[1]["snapshot"]!.Type);
        var error = (JObject)entries[2]["error"]!;
        Assert.Equal(JTokenType.Integer, error["offset"]!.Type);
        Assert.Equal("/", (string?)error["objectPath"]);
        Assert.False((bool)error["unsupported"]!);
        Assert.Equal(
            [$"kerasinspect h5dump: {missing}: no such file", $"kerasinspect h5dump: {truncated.Path}: / (byte {(long)error["offset"]!}): {(string?)error["message"]}"],
            errors.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Unreadable_single_file_prints_only_the_error_line()
    {
        var bytes = File.ReadAllBytes(Fixture("links.h5"));
        bytes[8] = 7; // superblock version
        using var file = new TempFile(bytes);

        var (code, output, errors) = CliRunner.Run("h5dump", file.Path);

        Assert.Equal(3, code);
        Assert.Empty(output);
        Assert.Equal($"kerasinspect h5dump: {file.Path}: / (byte 8): superblock version 7 is not supported (0 to 3 are)\n", errors);
    }

    [Fact]
    public void Structure_outside_the_subset_is_marked_unsupported()
    {
        var bytes = File.ReadAllBytes(Fixture("links.h5"));
        bytes[8] = 7;
        using var file = new TempFile(bytes);

        var (_, output, _) = CliRunner.Run("h5dump", "--batch", file.Path);

        Assert.Equal(
            JObject.Parse("""{"message": "superblock version 7 is not supported (0 to 3 are)", "offset": 8, "objectPath": "/", "unsupported": true}"""),
            JObject.Parse(output)["files"]![0]!["error"]!,
            JToken.EqualityComparer);
    }

    [Fact]
    public void Empty_attribute_of_astronomical_shape_is_written_as_null_at_once()
    {
        // (2**32, 2**32, 0): no elements, but 2**32 empty lists if nested as numpy's tolist() would (h5py itself refuses it).
        var (code, output, _) = CliRunner.Run("h5dump", TestPaths.InTestData("hostile", "zero_dim_overflow.h5"));

        Assert.Equal(0, code);
        var attribute = JObject.Parse(output).SelectTokens("objects[*].attributes[*]").Single(a => a["shape"]!.Count() == 3);
        Assert.Equal(JTokenType.Null, attribute["value"]!.Type);
    }

    [CorpusTheory]
    [InlineData("r16-keras3-bilstm.keras")]
    [InlineData("r17-keras3-lstm-melody.keras")]
    [InlineData("r18-keras3-gru.keras")]
    public void Keras_archive_dumps_its_weights_store_as_h5py_reads_it(string archive)
    {
        // testdata/corpus-expected holds scripts/h5snapshot.py's reading of the zip member (scripts/snapshot-corpus).
        var (code, output, errors) = CliRunner.Run("h5dump", Path.Combine(TestPaths.RealCorpus, archive));

        Assert.Equal(0, code);
        Assert.Empty(errors);
        var expected = TestPaths.InTestData("corpus-expected", archive + "__model.weights.h5.expected.json");
        AssertSnapshot(JToken.Parse(File.ReadAllText(expected)), JToken.Parse(output));
    }

    [Fact]
    public void Keras_archive_without_a_weights_store_is_one_error_line()
    {
        using var file = new TempFile(ZipWith("config.json", """{"class_name": "Sequential"}"""));

        var (code, output, errors) = CliRunner.Run("h5dump", file.Path);

        Assert.Equal(3, code);
        Assert.Empty(output);
        Assert.Equal($"kerasinspect h5dump: {file.Path}: the archive has no model.weights.h5\n", errors);
    }

    [Fact]
    public void No_file_is_a_usage_error()
    {
        var (code, _, errors) = CliRunner.Run("h5dump");

        Assert.Equal(2, code);
        Assert.StartsWith("kerasinspect h5dump: no files given", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (code, _, errors) = CliRunner.Run("h5dump", "--format", "json", Fixture("links.h5"));

        Assert.Equal(2, code);
        Assert.StartsWith("kerasinspect h5dump: unknown option '--format'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_both_shapes()
    {
        var (code, output, _) = CliRunner.Run("h5dump", "--help");

        Assert.Equal(0, code);
        Assert.Contains("{\"objects\": [", output, StringComparison.Ordinal);
        Assert.Contains("{\"files\": [", output, StringComparison.Ordinal);
    }

    private static IEnumerable<string> FixtureFiles() =>
        Directory.EnumerateFiles(TestPaths.InTestData("hdf5"), "*.h5").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string Fixture(string file) => TestPaths.InTestData("hdf5", file);

    private static JToken Expected(string file) =>
        JToken.Parse(File.ReadAllText(TestPaths.InTestData("hdf5", Path.ChangeExtension(file, ".expected.json"))));

    /// <summary>Equal as JSON values; on a difference, shows the first object that differs rather than two whole documents.</summary>
    private static void AssertSnapshot(JToken expected, JToken actual)
    {
        if (JToken.DeepEquals(expected, actual))
        {
            return;
        }

        var expectedObjects = (JArray)expected["objects"]!;
        var actualObjects = (JArray)actual["objects"]!;
        var first = Enumerable.Range(0, Math.Min(expectedObjects.Count, actualObjects.Count))
            .FirstOrDefault(i => !JToken.DeepEquals(expectedObjects[i], actualObjects[i]), -1);
        Assert.Equal(first < 0 ? expected.ToString() : expectedObjects[first].ToString(), first < 0 ? actual.ToString() : actualObjects[first].ToString());
    }

    private static byte[] ZipWith(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry(name).Open());
            entry.Write(text);
        }

        return buffer.ToArray();
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(byte[] bytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kerasinspect-h5dump-{Guid.NewGuid():N}.h5");
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
