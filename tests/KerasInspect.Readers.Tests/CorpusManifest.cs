using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>The shared corpus' MANIFEST.json: what each real file is and stores, according to h5py and TF.js.</summary>
internal static class CorpusManifest
{
    public static JArray Entries() =>
        (JArray)JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RealCorpus, "MANIFEST.json")))["entries"]!;

    public static JToken Entry(string id) => Entries().Single(e => (string?)e["id"] == id);

    /// <summary>The ids of the entries that pass <paramref name="filter"/>; one placeholder row when the corpus is absent (the theory is skipped then).</summary>
    public static TheoryData<string> Ids(Func<JToken, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        if (!TestPaths.HasRealCorpus)
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var entry in Entries().Where(filter ?? (_ => true)))
        {
            data.Add((string)entry["id"]!);
        }

        return data;
    }
}
