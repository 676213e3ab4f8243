using KerasInspect.Hdf5.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Tests;

internal static class SnapshotAssert
{
    /// <summary>Compares a snapshot with an h5py expectation file, reporting the first object that differs.</summary>
    public static void EqualsExpectation(string expectationPath, H5Snapshot snapshot)
    {
        var expected = (JArray)JObject.Parse(File.ReadAllText(expectationPath))["objects"]!;
        var actual = (JArray)H5SnapshotJson.From(snapshot)["objects"]!;
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!JToken.DeepEquals(expected[i], actual[i]))
            {
                Assert.Equal(Trimmed(expected[i]), Trimmed(actual[i]));
            }
        }

        Assert.Equal(
            expected.Select(o => (string?)o["path"]).ToList(),
            actual.Select(o => (string?)o["path"]).ToList());
    }

    private static string Trimmed(JToken token)
    {
        var text = token.ToString(Formatting.Indented);
        return text.Length > 4000 ? text[..4000] + "…" : text;
    }
}
