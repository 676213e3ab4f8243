using System.Globalization;
using CsvHelper;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli.Tests;

/// <summary>
/// <c>kerasinspect diff</c> on testdata/diff (scripts/gen-diff-fixtures.py): base.h5 against each variant. Every expected
/// number is worked here from param-formulas.md, on the base model
/// input (None, 10, 16) → LSTM(32, return_sequences) 'lstm' → GRU(16) 'gru' → Dense(8) 'dense' → Dense(4) 'dense_1':
/// lstm 4 × (16 + 32 + 1) × 32 = 6,272; gru (reset_after) 3 × (32 + 16 + 2) × 16 = 2,400; dense 16 × 8 + 8 = 136;
/// dense_1 8 × 4 + 4 = 36; total 8,844.
/// </summary>
public sealed class DiffCommandTests
{
    private const long BaseTotal = 6_272 + 2_400 + 136 + 36;

    private static string Fixture(string name) => TestPaths.InTestData("diff", name);

    [Theory]
    [InlineData("units_changed.h5", (16 * 12) + 12 - ((16 * 8) + 8) + ((12 * 4) + 4) - ((8 * 4) + 4))] // dense 204 − 136 = +68, dense_1 52 − 36 = +16
    [InlineData("layer_added.h5", (8 * 8) + 8)] // dense_2 Dense(8) on 8: +72
    [InlineData("layer_removed.h5", -((16 * 8) + 8) + ((16 * 4) + 4) - ((8 * 4) + 4))] // −136 for dense; dense_1 on 16: 68 − 36 = +32
    [InlineData("renamed_shift.h5", 0)]
    [InlineData("renamed_custom.h5", 0)]
    [InlineData("lambda_added.h5", 0)] // a Lambda stores nothing
    [InlineData("gru_reset_after.h5", -3 * 16)] // 3 × (32 + 16 + 1) × 16 = 2,352 against 2,400: −3u
    [InlineData("frozen_dense.h5", 0)]
    public void Totals_change_by_the_hand_worked_delta(string variant, long delta)
    {
        var model = DiffJson(Fixture("base.h5"), Fixture(variant));

        var totals = model["totals"]!;
        Assert.Equal("stored", (string?)totals["basis"]);
        Assert.Equal(BaseTotal, (long)totals["oldParams"]!);
        Assert.Equal(BaseTotal + delta, (long)totals["newParams"]!);
        Assert.Equal(delta, (long)totals["change"]!);
        Assert.Equal((double)delta / BaseTotal, (double)totals["relativeChange"]!, 12);
    }

    [Fact]
    public void Units_changed_shows_the_key_the_shape_and_both_dense_deltas()
    {
        var layers = Changed(DiffJson(Fixture("base.h5"), Fixture("units_changed.h5")));

        Assert.Equal(["dense", "dense_1"], layers.Select(l => (string)l["new"]!["name"]!));
        var dense = layers[0];
        Assert.Equal("units", (string?)dense["configChanges"]![0]!["key"]);
        Assert.Equal("8", (string?)dense["configChanges"]![0]!["old"]);
        Assert.Equal("12", (string?)dense["configChanges"]![0]!["new"]);
        Assert.Equal(new long?[] { null, 12 }, dense["new"]!["outputShape"]!.Select(d => (long?)d));
        Assert.Equal((16 * 12) + 12 - ((16 * 8) + 8), (long)dense["expectedDelta"]!); // +68
        Assert.Equal((16 * 12) + 12 - ((16 * 8) + 8), (long)dense["storedDelta"]!);
        var dense1 = layers[1];
        Assert.Empty(dense1["configChanges"]!); // only its input width changed: kernel (8, 4) → (12, 4)
        Assert.False((bool)dense1["outputShapeChanged"]!);
        Assert.Equal((12 * 4) + 4 - ((8 * 4) + 4), (long)dense1["expectedDelta"]!); // +16
    }

    [Fact]
    public void Layer_added_is_listed_and_the_next_layer_changes_its_inbound()
    {
        var layers = Changed(DiffJson(Fixture("base.h5"), Fixture("layer_added.h5")));

        Assert.Equal(2, layers.Count);
        Assert.Equal("added", (string?)layers[0]["pairing"]);
        Assert.Equal("dense_2", (string?)layers[0]["new"]!["name"]);
        Assert.Equal((8 * 8) + 8, (long)layers[0]["expectedDelta"]!);
        Assert.Equal("dense_1", (string?)layers[1]["new"]!["name"]);
        Assert.True((bool)layers[1]["inboundChanged"]!);
        Assert.Equal(["dense"], layers[1]["oldInboundInNewNames"]!.Select(t => (string)t!));
        Assert.Equal(["dense_2"], layers[1]["new"]!["inbound"]!.Select(t => (string)t!));
        Assert.Equal(0, (long)layers[1]["expectedDelta"]!);
    }

    [Fact]
    public void Layer_removed_is_listed_where_it_stood_with_minus_its_count()
    {
        var layers = Changed(DiffJson(Fixture("base.h5"), Fixture("layer_removed.h5")));

        Assert.Equal("removed", (string?)layers[0]["pairing"]);
        Assert.Equal("dense", (string?)layers[0]["old"]!["name"]);
        Assert.Equal(JValue.CreateNull(), layers[0]["new"]);
        Assert.Equal(-((16 * 8) + 8), (long)layers[0]["expectedDelta"]!);
        Assert.Equal(["gru"], layers[1]["new"]!["inbound"]!.Select(t => (string)t!));
        Assert.Equal((16 * 4) + 4 - ((8 * 4) + 4), (long)layers[1]["storedDelta"]!); // dense_1 now on gru's 16: +32
    }

    [Fact]
    public void Shifted_automatic_names_are_paired_in_order_and_marked_inferred()
    {
        var model = DiffJson(Fixture("base.h5"), Fixture("renamed_shift.h5"));
        var pairs = ((JArray)model["layers"]!).Where(l => (string?)l["old"]!["className"] != "InputLayer").ToList();

        Assert.Equal(["lstm→lstm_1", "gru→gru_1", "dense→dense_2", "dense_1→dense_3"], pairs.Select(p => $"{p["old"]!["name"]}→{p["new"]!["name"]}"));
        Assert.All(pairs, p => Assert.Equal("inferred", (string?)p["pairing"]));
        Assert.All(pairs, p => Assert.Empty(p["configChanges"]!));
        Assert.All(pairs, p => Assert.False((bool)p["inboundChanged"]!)); // dense_3 on dense_2 is dense_1 on dense, renamed
        Assert.All(pairs, p => Assert.Equal(0, (long)p["storedDelta"]!));
        Assert.Equal(4, (int)model["totals"]!["layersInferred"]!);
    }

    [Fact]
    public void A_renamed_layer_is_paired_by_class_and_position()
    {
        var layers = Changed(DiffJson(Fixture("base.h5"), Fixture("renamed_custom.h5")));

        var renamed = Assert.Single(layers);
        Assert.Equal("inferred", (string?)renamed["pairing"]);
        Assert.Equal("dense_1", (string?)renamed["old"]!["name"]);
        Assert.Equal("classifier", (string?)renamed["new"]!["name"]);
        Assert.Equal(0, (long)renamed["expectedDelta"]!);
    }

    [Fact]
    public void A_new_lambda_is_an_unsafe_finding_added_and_comes_first_in_every_format()
    {
        var model = DiffJson(Fixture("base.h5"), Fixture("lambda_added.h5"));
        var added = Assert.Single((JArray)model["unsafeAdded"]!);
        Assert.Equal("KI6001", (string?)added["code"]);
        Assert.Equal("lambda", (string?)added["layer"]);
        Assert.Equal("unsafeAdded", ((JObject)model).Properties().ElementAt(1).Name); // right after status

        var (_, table, _) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("lambda_added.h5"));
        Assert.StartsWith("UNSAFE ADDED: KI6001", table.Split('\n')[2], StringComparison.Ordinal); // after the OLD and NEW lines

        var (_, markdown, _) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("lambda_added.h5"), "--format", "markdown");
        Assert.StartsWith("**kerasinspect diff** ⚠️ **1 unsafe finding(s) added: KI6001 `lambda`** · ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Gru_reset_after_flip_shows_the_key_and_minus_3u()
    {
        var gru = Assert.Single(Changed(DiffJson(Fixture("base.h5"), Fixture("gru_reset_after.h5"))));

        Assert.Equal("gru", (string?)gru["new"]!["name"]);
        var change = Assert.Single(gru["configChanges"]!);
        Assert.Equal(("reset_after", "true", "false"), ((string)change["key"]!, (string)change["old"]!, (string)change["new"]!));
        Assert.Equal(-3 * 16, (long)gru["expectedDelta"]!); // the second bias row: 3u = 48
        Assert.Equal(-3 * 16, (long)gru["storedDelta"]!);
    }

    [Fact]
    public void A_frozen_layer_moves_its_parameters_to_non_trainable()
    {
        var model = DiffJson(Fixture("base.h5"), Fixture("frozen_dense.h5"));
        var dense = Assert.Single(Changed(model));

        Assert.Equal((16 * 8) + 8, (long)dense["frozenParams"]!); // dense's 136
        Assert.Equal("trainable", (string?)dense["configChanges"]![0]!["key"]);
        Assert.Equal(BaseTotal - 136, (long)model["totals"]!["newTrainableParams"]!);
        Assert.Equal(136, (long)model["totals"]!["newNonTrainableParams"]!);
    }

    [Fact]
    public void The_same_model_in_two_formats_shows_no_layer_change()
    {
        var model = DiffJson(Fixture("base.h5"), Fixture(Path.Combine("base_tfjs", "model.json")));

        Assert.Equal("tf.keras2-h5", (string?)model["old"]!["format"]);
        Assert.Equal("tfjs-layers-json", (string?)model["new"]!["format"]);
        Assert.Empty(Changed(model));
        Assert.Equal("unchanged", (string?)model["status"]);
        Assert.Equal(BaseTotal, (long)model["totals"]!["newParams"]!);
        Assert.Equal(0, (long)model["totals"]!["change"]!);
    }

    [Fact]
    public void Folders_are_paired_by_relative_path_with_added_and_removed_models()
    {
        var root = Path.Combine(Path.GetTempPath(), $"kerasinspect-diff-{Guid.NewGuid():N}");
        try
        {
            Copy("base.h5", root, "old", "a", "model.h5");
            Copy("base.h5", root, "old", "same.h5");
            Copy("base.h5", root, "old", "gone.h5");
            Copy("units_changed.h5", root, "new", "a", "model.h5");
            Copy("base.h5", root, "new", "same.h5");
            Copy("layer_added.h5", root, "new", "extra.h5");

            var (code, output, errors) = CliRunner.Run("diff", Path.Combine(root, "old"), Path.Combine(root, "new"), "--format", "json");

            Assert.Equal(0, code);
            Assert.Empty(errors);
            var json = JObject.Parse(output);
            var models = ((JArray)json["models"]!).Select(m => (m["old"]!.Type == JTokenType.Null ? (string)m["new"]!["path"]! : (string)m["old"]!["path"]!, (string)m["status"]!)).ToList();
            Assert.Equal(
            [
                (Path.Combine(root, "old", "a", "model.h5"), "changed"),
                (Path.Combine(root, "new", "extra.h5"), "added"),
                (Path.Combine(root, "old", "gone.h5"), "removed"),
                (Path.Combine(root, "old", "same.h5"), "unchanged"),
            ], models);
            Assert.Equal(BaseTotal + (8 * 8) + 8, (long)json["models"]![1]!["totals"]!["change"]!); // an added model (layer_added.h5) grows by all of it: 8,916
            Assert.Equal(-BaseTotal, (long)json["models"]![2]!["totals"]!["change"]!);
            Assert.Equal((1, 1, 1, 1), ((int)json["summary"]!["changed"]!, (int)json["summary"]!["unchanged"]!, (int)json["summary"]!["added"]!, (int)json["summary"]!["removed"]!));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("0.9%", 1)] // +84 of 8,844 = 0.95%
    [InlineData("1%", 0)]
    [InlineData("83", 1)]
    [InlineData("84", 0)]
    public void Max_growth_fails_a_model_that_grows_more(string limit, int expectedCode)
    {
        var (code, output, _) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("units_changed.h5"), "--max-growth", limit);

        Assert.Equal(expectedCode, code);
        Assert.Equal(expectedCode == 1, output.Contains("FAIL: parameters grew by", StringComparison.Ordinal));
    }

    [Fact]
    public void Fail_on_unsafe_added_fails_a_new_lambda_but_not_an_old_one()
    {
        Assert.Equal(1, CliRunner.Run("diff", Fixture("base.h5"), Fixture("lambda_added.h5"), "--fail-on", "none,unsafe-added").Code);
        Assert.Equal(0, CliRunner.Run("diff", Fixture("lambda_added.h5"), Fixture("lambda_added.h5"), "--fail-on", "none,unsafe-added").Code);
        Assert.Equal(0, CliRunner.Run("diff", Fixture("lambda_added.h5"), Fixture("base.h5"), "--fail-on", "none,unsafe-added").Code);
        Assert.Equal(0, CliRunner.Run("diff", Fixture("base.h5"), Fixture("lambda_added.h5"), "--fail-on", "none").Code);
    }

    [Fact]
    public void Fail_on_levels_apply_to_new_only()
    {
        var mismatch = TestPaths.InTestData("keras", "wrong_input_width.h5");
        var clean = TestPaths.InTestData("keras", "clean_lstm.h5");

        Assert.Equal(1, CliRunner.Run("diff", clean, mismatch).Code);
        Assert.Equal(0, CliRunner.Run("diff", mismatch, clean).Code);
        Assert.Equal(0, CliRunner.Run("diff", clean, mismatch, "--fail-on", "unsafe").Code);
    }

    [Fact]
    public void A_weights_only_file_against_its_full_model_is_no_class_change_and_no_stored_change()
    {
        // clean_lstm's model: LSTM(32) on 16 = 4 × (16 + 32 + 1) × 32 = 6,272; Dense(4) on 32 = 32 × 4 + 4 = 132
        var model = DiffJson(TestPaths.InTestData("keras", "weights_only.h5"), TestPaths.InTestData("keras", "clean_lstm.h5"));

        var layers = ((JArray)model["layers"]!).ToList();
        Assert.Equal(["lstm", "dense"], layers.Select(l => (string)l["new"]!["name"]!));
        Assert.All(layers, l => Assert.False((bool)l["classChanged"]!));
        Assert.All(layers, l => Assert.Equal(0, (long)l["storedDelta"]!));
        Assert.All(layers, l => Assert.True((bool)l["verdictChanged"]!)); // unverified (no config) → match
        Assert.Equal(6_272 + 132, (long)model["totals"]!["newParams"]!);
        Assert.Equal(0, (long)model["totals"]!["change"]!);
    }

    [Fact]
    public void An_unreadable_side_is_exit_3_and_the_comment_says_it_was_not_compared()
    {
        var ranks = TestPaths.InTestData("hdf5", "ranks.h5");

        var (code, output, errors) = CliRunner.Run("diff", ranks, Fixture("base.h5"), "--format", "markdown");

        Assert.Equal(3, code);
        Assert.StartsWith($"error: {ranks}: /: no 'layer_names' attribute", errors, StringComparison.Ordinal);
        Assert.Contains("not compared, an input is unreadable", output.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_model_is_diffed_layer_by_layer_across_formats()
    {
        // OLD, Keras 3: input (None, 6) → 'tower' [Dense(4) on 6 = 28, Dense(2) on 4 = 10] → Dense(1) on 2 = 3: 41.
        // NEW, tf.keras 2: input (None, 8) → 'sequential' [Dense(16) on 8 = 144, Dense(4) on 16 = 68] → Dense(2) on 4 = 10: 222.
        var model = DiffJson(TestPaths.InTestData("formats", "keras3_functional_nested.keras"), TestPaths.InTestData("keras", "nested_functional.h5"));

        var pairs = ((JArray)model["layers"]!).Where(l => (string?)l["new"]!["className"] != "InputLayer")
            .Select(l => ($"{l["old"]!["name"]}→{l["new"]!["name"]}", (long)l["storedDelta"]!)).ToList();
        Assert.Equal(
        [
            ("tower→sequential", 144 + 68 - (28 + 10)),
            ("tower/tower_dense→sequential/dense", 144 - 28),
            ("tower/tower_out→sequential/dense_1", 68 - 10),
            ("head→dense_2", 10 - 3),
        ], pairs);
        Assert.Equal(222 - 41, (long)model["totals"]!["change"]!);
    }

    [Fact]
    public void Help_describes_the_command_and_the_main_usage_lists_it()
    {
        var (code, output, _) = CliRunner.Run("diff", "--help");
        var (_, usage, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.StartsWith("Usage: kerasinspect diff OLD NEW [options]", output, StringComparison.Ordinal);
        Assert.Contains("--max-growth LIMIT", output, StringComparison.Ordinal);
        Assert.Contains("kerasinspect diff OLD NEW ", usage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_exit_3_with_one_line_naming_it()
    {
        var missing = Fixture("no-such-model.h5");

        var (code, _, errors) = CliRunner.Run("diff", Fixture("base.h5"), missing);

        Assert.Equal(3, code);
        Assert.Equal($"error: {missing}: no such file or folder\n", errors);
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_exit_4()
    {
        var target = Path.Combine(Path.GetTempPath(), $"kerasinspect-{Guid.NewGuid():N}", "missing-folder", "diff.md");

        var (code, _, errors) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("units_changed.h5"), "--output", target);

        Assert.Equal(4, code);
        Assert.StartsWith("error: cannot write the report: ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff needs two inputs, OLD and NEW", "diff", "a.h5")]
    [InlineData("'sometimes' is not a valid --fail-on", "diff", "a.h5", "b.h5", "--fail-on", "sometimes")]
    [InlineData("--fail-on takes one level, not mismatch and unsafe", "diff", "a.h5", "b.h5", "--fail-on", "mismatch,unsafe")]
    [InlineData("--max-growth 'lots' is neither", "diff", "a.h5", "b.h5", "--max-growth", "lots")]
    public void Bad_arguments_are_exit_2(string message, params string[] args)
    {
        var (code, _, errors) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith($"kerasinspect diff: {message}", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_has_one_row_per_layer_pair_with_the_hand_worked_deltas()
    {
        var (_, output, _) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("layer_removed.h5"), "--format", "csv");

        using var csv = CsvReader.FromText(output, new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string Pairing, string Old, string New, string Delta)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString("pairing"), csv.GetString("old_layer"), csv.GetString("new_layer"), csv.GetString("stored_delta")));
        }

        Assert.Equal(
        [
            ("name", "input_1", "input_1", "0"), ("name", "lstm", "lstm", "0"), ("name", "gru", "gru", "0"),
            ("removed", "dense", "", (-136).ToString(CultureInfo.InvariantCulture)), ("name", "dense_1", "dense_1", "32"),
        ], rows);
    }

    [Fact]
    public void Markdown_opens_with_the_totals_line_and_lists_only_changed_layers()
    {
        var (_, output, _) = CliRunner.Run("diff", Fixture("base.h5"), Fixture("units_changed.h5"), "--format", "markdown");

        var lines = output.Split('\n');
        Assert.StartsWith("**kerasinspect diff** `", lines[0], StringComparison.Ordinal);
        Assert.Contains("params 8,844 → 8,928 (+84, +0.95%)", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.StartsWith("| ~ |", StringComparison.Ordinal))); // dense and dense_1; lstm and gru are not listed
        Assert.Contains("| ~ | `dense` | Dense | units 8 → 12 | (None, 8) → (None, 12) | 136 → 204 (+68) |", output, StringComparison.Ordinal);
    }

    private static JToken DiffJson(string old, string @new)
    {
        var (code, output, errors) = CliRunner.Run("diff", old, @new, "--format", "json", "--fail-on", "none");
        Assert.True(code == 0, errors);
        var json = JObject.Parse(output);
        Assert.Equal("kerasinspect-diff/1", (string?)json["schema"]);
        return Assert.Single((JArray)json["models"]!);
    }

    private static List<JToken> Changed(JToken model) => [.. ((JArray)model["layers"]!).Where(l => (bool)l["changed"]!)];

    private static void Copy(string fixture, string root, params string[] parts)
    {
        var target = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Fixture(fixture), target);
    }
}
