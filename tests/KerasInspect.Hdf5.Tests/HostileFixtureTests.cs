using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Tests;

/// <summary>
/// Crafted files (scripts/gen-hostile-hdf5.py): shared structures that multiply work, oversized names and values, and
/// valid-but-unusual files. Each either reads or fails with the typed error its manifest names, quickly, under the limits
/// it states: the same mechanisms that stop the full-size attacks, scaled down.
/// </summary>
public sealed class HostileFixtureTests
{
    private static readonly JArray Fixtures = (JArray)JObject.Parse(File.ReadAllText(TestPaths.InTestData("hostile", "MANIFEST.json")))["fixtures"]!;

    public static TheoryData<string> Files() => FixtureManifest.Files("hostile");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Crafted_file_reads_or_fails_as_its_manifest_says(string file)
    {
        var fixture = Fixtures.Single(f => (string?)f["file"] == file);
        var limits = Limits((JObject)fixture["limits"]!);
        var path = TestPaths.InTestData("hostile", file);

        var read = Task.Run(() => H5File.ReadSnapshot(path, limits));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(read, finished);
        if ((string?)fixture["expect"] == "ok")
        {
            Assert.NotNull(await read);
        }
        else
        {
            var error = await Assert.ThrowsAsync<Hdf5FormatException>(() => read);
            Assert.Contains((string)fixture["message"]!, error.Message, StringComparison.Ordinal);
        }
    }

    private static ReadLimits Limits(JObject limits)
    {
        var result = ReadLimits.Default;
        foreach (var (name, value) in limits)
        {
            var number = (long)value!;
            result = name switch
            {
                nameof(ReadLimits.MaxObjects) => result with { MaxObjects = (int)number },
                nameof(ReadLimits.MaxTotalNameBytes) => result with { MaxTotalNameBytes = number },
                nameof(ReadLimits.MaxReadBytes) => result with { MaxReadBytes = number },
                nameof(ReadLimits.MaxTotalStringBytes) => result with { MaxTotalStringBytes = number },
                nameof(ReadLimits.MaxLinksPerGroup) => result with { MaxLinksPerGroup = (int)number },
                nameof(ReadLimits.MaxAttributesPerObject) => result with { MaxAttributesPerObject = (int)number },
                _ => throw new InvalidOperationException($"the manifest names a limit this test does not map: {name}"),
            };
        }

        return result;
    }
}
