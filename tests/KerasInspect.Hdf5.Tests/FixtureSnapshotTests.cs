using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Tests;

/// <summary>Each generated fixture's snapshot equals what h5py reported for it (testdata/hdf5/*.expected.json).</summary>
public sealed class FixtureSnapshotTests
{
    public static TheoryData<string> Fixtures()
    {
        var manifest = JObject.Parse(File.ReadAllText(TestPaths.InTestData("hdf5", "MANIFEST.json")));
        var data = new TheoryData<string>();
        foreach (var entry in (JArray)manifest["fixtures"]!)
        {
            data.Add((string)entry["file"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Snapshot_equals_h5py(string file)
    {
        var snapshot = H5File.ReadSnapshot(TestPaths.InTestData("hdf5", file));

        SnapshotAssert.EqualsExpectation(TestPaths.InTestData("hdf5", Path.ChangeExtension(file, ".expected.json")), snapshot);
    }
}
