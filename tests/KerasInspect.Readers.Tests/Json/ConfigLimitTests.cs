using System.Text;
using KerasInspect.Core;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Tests.Json;

/// <summary>The caps that keep a hostile config from making the work unbounded: each one is a clear error naming the place.</summary>
public sealed class ConfigLimitTests
{
    [Fact]
    public void Models_nested_deeper_than_the_limit_are_refused()
    {
        var json = new StringBuilder();
        for (var i = 0; i <= KerasConfigMapper.MaxNesting; i++)
        {
            json.Append("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": [");
        }

        json.Append("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 1}}");
        for (var i = 0; i <= KerasConfigMapper.MaxNesting; i++)
        {
            json.Append("]}}");
        }

        var error = Assert.Throws<ModelFormatException>(() => KerasJsonModelReader.FromJson(json.ToString(), "deep.json"));

        Assert.Contains($"nested more than {KerasConfigMapper.MaxNesting} deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configs_with_more_layers_than_the_limit_are_refused()
    {
        var layers = string.Join(",", Enumerable.Range(0, KerasConfigMapper.MaxLayers + 1).Select(i => $"{{\"class_name\":\"Dropout\",\"config\":{{\"name\":\"d{i}\"}}}}"));
        var json = $"{{\"class_name\": \"Sequential\", \"config\": {{\"name\": \"big\", \"layers\": [{layers}]}}}}";

        var error = Assert.Throws<ModelFormatException>(() => KerasJsonModelReader.FromJson(json, "big.json"));

        Assert.Contains($"more than {KerasConfigMapper.MaxLayers} layers", error.Message, StringComparison.Ordinal);
        Assert.Contains($"$.config.layers[{KerasConfigMapper.MaxLayers}]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_dimensions_in_a_config_are_a_finding_not_an_exception()
    {
        // 2^40 features × 4·2^40 kernel columns: far past 64 bits
        var json = """
            {"class_name": "Sequential", "config": {"name": "s", "layers": [
              {"class_name": "LSTM", "config": {"name": "l", "units": 1099511627776, "batch_input_shape": [null, null, 1099511627776]}}]}}
            """;

        var analysis = Core.Analysis.ModelAnalyzer.Default.Analyze(KerasJsonModelReader.FromJson(json, "absurd.json").Model);

        Assert.Equal("KI1004", Assert.Single(analysis.Diagnostics).Code);
    }
}
