using CsvHelper;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>A CSV of the whole shared corpus opens with CsvHelper, one row per layer, and adds up to the JSON totals.</summary>
public sealed class CorpusCsvTests
{
    [CorpusFact]
    public void Csv_rows_add_up_to_the_json_totals_of_every_file() => AssertCsvAddsUp(TestPaths.RealCorpus);

    [CorpusFact("real2")]
    public void Csv_rows_add_up_to_the_json_totals_of_every_file_once_misread() => AssertCsvAddsUp(TestPaths.Corpus("real2"));

    private static void AssertCsvAddsUp(string folder)
    {
        var (_, csvText, _) = CliRunner.Run("inspect", folder, "--format", "csv", "--fail-on", "none");
        var (_, jsonText, _) = CliRunner.Run("inspect", folder, "--format", "json", "--fail-on", "none");

        using var csv = CsvReader.FromText(csvText, new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string File, string Layer, long? Expected, long? Stored)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString("file"), csv.GetString("layer"), Long(csv.GetString("expected_params")), Long(csv.GetString("stored_params"))));
        }

        foreach (var file in JObject.Parse(jsonText)["files"]!)
        {
            var path = (string)file["path"]!;
            var own = rows.Where(r => r.File == path).ToList();
            var layers = ((JArray)file["layers"]!).Count;
            Assert.Equal(Math.Max(layers, 1), own.Count); // an unreadable file is one row
            Assert.Equal((long)file["totals"]!["expectedParams"]!, own.Sum(r => r.Expected ?? 0));
            Assert.Equal((long?)file["totals"]!["storedParams"] ?? 0, own.Sum(r => r.Stored ?? 0));
        }

        Assert.Equal(JObject.Parse(jsonText)["files"]!.Count(), rows.Select(r => r.File).Distinct().Count());
    }

    private static long? Long(string text) => text.Length == 0 ? null : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
