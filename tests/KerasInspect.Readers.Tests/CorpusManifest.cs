using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests;

/// <summary>The shared corpus' MANIFEST.json: what each real file is and stores, according to h5py and TF.js.</summary>
internal static class CorpusManifest
{
    public static JArray Entries(string corpus = "real") =>
        (JArray)JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.Corpus(corpus), "MANIFEST.json")))["entries"]!;

    public static JToken Entry(string id, string corpus = "real") => Entries(corpus).Single(e => (string?)e["id"] == id);

    /// <summary>The ids of the entries that pass <paramref name="filter"/>; one placeholder row when the corpus is absent (the theory is skipped then).</summary>
    public static TheoryData<string> Ids(Func<JToken, bool>? filter = null, string corpus = "real")
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(TestPaths.Corpus(corpus)))
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var entry in Entries(corpus).Where(filter ?? (_ => true)))
        {
            data.Add((string)entry["id"]!);
        }

        return data;
    }
}
