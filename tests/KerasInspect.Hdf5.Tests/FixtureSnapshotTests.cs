using KerasInspect.Tests;

namespace KerasInspect.Hdf5.Tests;

/// <summary>Each generated fixture's snapshot equals what h5py reported for it (testdata/hdf5/*.expected.json).</summary>
public sealed class FixtureSnapshotTests
{
    public static TheoryData<string> Fixtures() => FixtureManifest.Files("hdf5");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Snapshot_equals_h5py(string file)
    {
        var snapshot = H5File.ReadSnapshot(TestPaths.InTestData("hdf5", file));

        SnapshotAssert.EqualsExpectation(TestPaths.InTestData("hdf5", Path.ChangeExtension(file, ".expected.json")), snapshot);
    }
}
