using KerasInspect.Core.Audit;
using KerasInspect.Core.Diff;
using KerasInspect.Reports.Diff;

namespace KerasInspect.Reports.Tests.Diff;

public sealed class DiffMarkdownWriterTests
{
    [Fact]
    public void A_huge_diff_stays_under_the_comment_limit_and_counts_the_rows_left_out()
    {
        const int Layers = 4_000;
        var old = Report(Layers, units: 8);
        var @new = Report(Layers, units: 9);
        var diff = ModelDiff.Compare("old.h5", "new.h5", old, @new);
        var summary = DiffSummary.Of([diff], "mismatch", null, 0);

        var markdown = DiffMarkdownWriter.Render([diff], summary);

        Assert.Equal(Layers, diff.ChangedLayers.Count);
        Assert.True(markdown.Length <= DiffMarkdownWriter.MaxLength, $"{markdown.Length} characters");
        var shown = markdown.Split('\n').Count(l => l.StartsWith("| ~ |", StringComparison.Ordinal));
        Assert.InRange(shown, 1, Layers - 1);
        Assert.Contains($"… {Layers - shown} more changed layer(s) not shown", markdown, StringComparison.Ordinal);
        // every layer is 8 → 9 units: 8 + 1 = 9 → 9 + 1 = 10 parameters each, so the whole model grows by 4,000
        Assert.StartsWith("**kerasinspect diff** `old.h5` → `new.h5`: params 36,000 → 40,000 (+4,000, +11.11%)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Untrusted_layer_names_cannot_break_the_table()
    {
        var old = Report(1, units: 1, name: "a|b`<script>\nx");
        var @new = Report(1, units: 2, name: "a|b`<script>\nx");

        var markdown = DiffMarkdownWriter.Render([ModelDiff.Compare("o", "n", old, @new)], DiffSummary.Of([], "mismatch", null, 0));

        Assert.Contains("| ~ | `` a\\|b`&lt;script&gt; x `` |", markdown, StringComparison.Ordinal);
    }

    /// <summary><paramref name="count"/> Dense layers of <paramref name="units"/> units on one input, config only: units + 1 parameters each.</summary>
    private static FileReport Report(int count, long units, string? name = null) => new("m.h5", "test", null)
    {
        Layers = [.. Enumerable.Range(0, count).Select(i =>
        {
            var layerName = name ?? $"a_rather_long_layer_name_to_fill_the_comment_{i:D5}";
            var spec = new Core.Model.LayerSpec(layerName, "Dense", Core.Config.ConfigValue.Object("$", [KeyValuePair.Create("units", Core.Config.ConfigValue.Of("$.units", units))]));
            return new LayerReport(layerName, "Dense", Verdict.NoWeights)
            {
                Expected = new Core.Analysis.LayerAnalysis(spec) { ExpectedParams = units + 1, TrainableParams = units + 1, NonTrainableParams = 0 },
            };
        })],
    };
}
