using System.IO.Compression;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Tests;

/// <summary>
/// Every HDF5 file of the shared real-world corpus, including those inside <c>.keras</c> zips, gives the snapshot
/// h5py reported for it (testdata/corpus-expected, written by scripts/snapshot-corpus).
/// </summary>
public sealed class CorpusSnapshotTests
{
    public static TheoryData<string, string?, string> Entries()
    {
        var index = JArray.Parse(File.ReadAllText(TestPaths.InTestData("corpus-expected", "INDEX.json")));
        var data = new TheoryData<string, string?, string>();
        foreach (var entry in index)
        {
            data.Add((string)entry["source"]!, (string?)entry["member"], (string)entry["expected"]!);
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Entries))]
    public void Snapshot_equals_h5py(string source, string? member, string expected)
    {
        var path = Path.Combine(TestPaths.Shared, source);

        var snapshot = member is null ? H5File.ReadSnapshot(path) : H5File.ReadSnapshot(ReadMember(path, member), $"{path}!{member}");

        SnapshotAssert.EqualsExpectation(TestPaths.InTestData("corpus-expected", expected), snapshot);
    }

    [CorpusFact]
    public void Every_hdf5_file_of_the_corpus_has_an_expectation()
    {
        var listed = Entries().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.EnumerateFiles(TestPaths.RealCorpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".h5", StringComparison.Ordinal) || f.EndsWith(".keras", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.Shared, f).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(onDisk);
        Assert.All(onDisk, f => Assert.Contains(f, listed));
    }

    private static byte[] ReadMember(string zipPath, string member)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry(member)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
