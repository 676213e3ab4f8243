using System.Text.Json;

namespace KerasInspect.Tests;

/// <summary>The fixtures a generated testdata folder's MANIFEST.json lists (written by its scripts/gen-* generator).</summary>
internal static class FixtureManifest
{
    /// <summary>The <c>file</c> of every entry of <c>fixtures</c> in testdata/<paramref name="folder"/>/MANIFEST.json, as theory rows.</summary>
    public static TheoryData<string> Files(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(TestPaths.InTestData(folder, "MANIFEST.json")));
        var data = new TheoryData<string>();
        foreach (var fixture in manifest.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            data.Add(fixture.GetProperty("file").GetString() ?? throw new InvalidDataException($"a fixture of {folder}/MANIFEST.json has no file name"));
        }

        return data;
    }
}
