using KerasInspect.Core;
using KerasInspect.Core.Analysis;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Tests.Json;

public sealed class KerasJsonModelReaderTests
{
    private static ModelAnalysis Analyze(string json) =>
        ModelAnalyzer.Default.Analyze(KerasJsonModelReader.FromJson(json, "model.json").Model);

    private static string Input(string name, string shape) =>
        $$"""{"class_name": "InputLayer", "name": "{{name}}", "config": {"name": "{{name}}", "batch_input_shape": {{shape}}, "dtype": "float32"}, "inbound_nodes": []}""";

    [Fact]
    public void Shared_layer_called_twice_is_counted_once()
    {
        // LSTM(16) on 8 once: 4·16·(8+16+1) = 1,600; Concatenate → (None, 32); Dense(1): 33
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "keras_version": "2.9.0", "config": {"name": "m", "layers": [
              {{{Input("a", "[null, 10, 8]")}}},
              {{{Input("b", "[null, 10, 8]")}}},
              {"class_name": "LSTM", "name": "shared", "config": {"name": "shared", "units": 16}, "inbound_nodes": [[["a", 0, 0, {}]], [["b", 0, 0, {}]]]},
              {"class_name": "Concatenate", "name": "cat", "config": {"name": "cat", "axis": -1}, "inbound_nodes": [[["shared", 0, 0, {}], ["shared", 1, 0, {}]]]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 1}, "inbound_nodes": [[["cat", 0, 0, {}]]]}
            ], "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """);

        Assert.Equal([0L, 0, 1_600, 0, 33], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal(Shape.Of(null, 32), analysis.Layers[3].OutputShapes.Single());
        Assert.Equal(1_633L, analysis.ExpectedParams);
        Assert.Empty(analysis.Diagnostics);
    }

    [Fact]
    public void Return_state_outputs_are_selected_by_tensor_index()
    {
        // LSTM(8, return_state) on 5: 4·8·(5+8+1) = 448; the cell state (tensor 2) feeds Dense(3): 8·3 + 3 = 27
        var analysis = Analyze($$$"""
            {"class_name": "Model", "config": {"name": "m", "layers": [
              {{{Input("x", "[null, null, 5]")}}},
              {"class_name": "LSTM", "name": "enc", "config": {"name": "enc", "units": 8, "return_state": true}, "inbound_nodes": [[["x", 0, 0, {}]]]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 3}, "inbound_nodes": [[["enc", 0, 2, {}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """);

        Assert.Equal([0L, 448, 27], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal(3, analysis.Layers[1].OutputShapes.Count);
        Assert.Equal([Shape.Of(null, 3)], analysis.Outputs);
    }

    [Fact]
    public void Nested_model_used_twice_is_counted_once_and_its_calls_start_at_node_1()
    {
        // inner Dense(4) on 3: 3·4 + 4 = 16, once; Add of both calls → (None, 4); Dense(1): 5
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "config": {"name": "outer", "layers": [
              {{{Input("a", "[null, 3]")}}},
              {{{Input("b", "[null, 3]")}}},
              {"class_name": "Functional", "name": "tower", "config": {"name": "tower", "layers": [
                  {{{Input("tin", "[null, 3]")}}},
                  {"class_name": "Dense", "name": "td", "config": {"name": "td", "units": 4}, "inbound_nodes": [[["tin", 0, 0, {}]]]}
                ], "input_layers": [["tin", 0, 0]], "output_layers": [["td", 0, 0]]},
                "inbound_nodes": [[["a", 0, 0, {}]], [["b", 0, 0, {}]]]},
              {"class_name": "Add", "name": "add", "config": {"name": "add"}, "inbound_nodes": [[["tower", 1, 0, {}], ["tower", 2, 0, {}]]]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 1}, "inbound_nodes": [[["add", 0, 0, {}]]]}
            ], "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """);

        Assert.Equal([0L, 0, 16, 0, 5], analysis.Layers.Select(l => l.ExpectedParams));
        Assert.Equal(["tin", "td"], analysis.Layers[2].Children.Select(c => c.Layer.Name));
        Assert.Equal(21L, analysis.ExpectedParams);
        Assert.Empty(analysis.Diagnostics);
    }

    [Fact]
    public void Non_trainable_nested_model_moves_all_its_tensors()
    {
        // inner Dense(4) on 3 (16) frozen; outer Dense(2) on 4 (10) trainable
        var analysis = Analyze("""
            {"class_name": "Sequential", "config": {"name": "outer", "layers": [
              {"class_name": "Sequential", "config": {"name": "frozen", "trainable": false, "layers": [
                {"class_name": "Dense", "config": {"name": "d1", "units": 4, "batch_input_shape": [null, 3]}}]}},
              {"class_name": "Dense", "config": {"name": "d2", "units": 2}}
            ]}}
            """);

        Assert.Equal((10L, 16L), (analysis.TrainableParams, analysis.NonTrainableParams));
        Assert.Equal((0L, 16L), (analysis.Layers[0].TrainableParams, analysis.Layers[0].NonTrainableParams));
    }

    [Fact]
    public void Frozen_layer_makes_its_tensors_non_trainable()
    {
        var analysis = Analyze("""
            {"class_name": "Sequential", "config": {"name": "s", "layers": [
              {"class_name": "Embedding", "config": {"name": "emb", "trainable": false, "input_dim": 100, "output_dim": 8, "batch_input_shape": [null, 5]}},
              {"class_name": "LSTM", "config": {"name": "lstm", "units": 4}}
            ]}}
            """);

        // Embedding 100·8 = 800 frozen; LSTM 4·4·(8+4+1) = 208 trainable
        Assert.Equal((208L, 800L), (analysis.TrainableParams, analysis.NonTrainableParams));
        Assert.All(analysis.Layers[0].Tensors!, t => Assert.False(t.Trainable));
    }

    [Fact]
    public void Keras_2_0_sequential_config_as_a_bare_list_is_read()
    {
        var analysis = Analyze("""
            {"class_name": "Sequential", "keras_version": "2.0.6", "config": [
              {"class_name": "Dense", "config": {"name": "d", "units": 1, "batch_input_shape": [null, 20]}}]}
            """);

        Assert.Equal(21L, analysis.ExpectedParams);
        Assert.Equal(KerasWriter.Keras2, analysis.Model.Writer);
    }

    [Theory]
    [InlineData("{\"class_name\": \"LSTM\", \"config\": {\"name\": \"l\", \"units\": 10, \"input_dim\": 1, \"input_length\": 5}}", 480L, "(None, 5, 1)")]
    [InlineData("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 1, \"input_dim\": 20}}", 21L, "(None, 20)")]
    [InlineData("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 1, \"input_shape\": [20]}}", 21L, "(None, 20)")]
    [InlineData("{\"class_name\": \"Embedding\", \"config\": {\"name\": \"e\", \"input_dim\": 100, \"output_dim\": 8, \"input_length\": 12}}", 800L, "(None, 12)")]
    public void First_layer_input_comes_from_input_dim_input_length_or_input_shape(string layer, long expected, string input)
    {
        // LSTM(10) on 1: 4·10·(1+10+1) = 480; Dense(1) on 20: 21; Embedding(100, 8): 800
        var analysis = Analyze($"{{\"class_name\": \"Sequential\", \"config\": {{\"name\": \"s\", \"layers\": [{layer}]}}}}");

        Assert.Equal(expected, analysis.ExpectedParams);
        Assert.Equal(input, analysis.Layers[0].InputShapes[0]!.ToString());
    }

    [Fact]
    public void Keyword_tensors_of_tf_keras_calls_are_inputs_too()
    {
        // MultiHeadAttention(2 heads, key_dim 16) as self-attention on 64: 3·(64·32 + 32) + 32·64 + 64 = 8,352 (param-formulas.md §4)
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "config": {"name": "m", "layers": [
              {{{Input("x", "[null, 10, 64]")}}},
              {"class_name": "MultiHeadAttention", "name": "mha", "config": {"name": "mha", "num_heads": 2, "key_dim": 16},
               "inbound_nodes": [[["x", 0, 0, {"value": ["x", 0, 0]}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["mha", 0, 0]]}}
            """);

        Assert.Equal(8_352L, analysis.Layers[1].ExpectedParams);
        Assert.Equal(2, analysis.Layers[1].InputShapes.Count);
    }

    [Fact]
    public void Cyclic_inbound_nodes_are_reported_and_evaluation_ends()
    {
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "config": {"name": "m", "layers": [
              {{{Input("x", "[null, 4]")}}},
              {"class_name": "Dense", "name": "p", "config": {"name": "p", "units": 2}, "inbound_nodes": [[["q", 0, 0, {}]]]},
              {"class_name": "Dense", "name": "q", "config": {"name": "q", "units": 2}, "inbound_nodes": [[["p", 0, 0, {}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["q", 0, 0]]}}
            """);

        Assert.Equal(2, analysis.Diagnostics.Count(d => d.Code == "KI1005"));
        Assert.Equal(2, analysis.UnverifiedLayers);
    }

    [Fact]
    public void Reference_to_a_missing_layer_is_a_graph_finding()
    {
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "config": {"name": "m", "layers": [
              {{{Input("x", "[null, 4]")}}},
              {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 2}, "inbound_nodes": [[["ghost", 0, 0, {}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}}
            """);

        Assert.Contains(analysis.Diagnostics, d => d.Code == "KI1005" && d.Message.Contains("'ghost'", StringComparison.Ordinal));
    }

    [Fact]
    public void Single_reference_call_form_of_newer_tf_keras_is_read()
    {
        var analysis = Analyze($$$"""
            {"class_name": "Functional", "config": {"name": "m", "layers": [
              {{{Input("x", "[null, 4]")}}},
              {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 2}, "inbound_nodes": [["x", 0, 0, {}]]}
            ], "input_layers": ["x", 0, 0], "output_layers": ["d", 0, 0]}}
            """);

        Assert.Equal(10L, analysis.ExpectedParams); // 4·2 + 2
    }

    [Theory]
    [InlineData("{\"class_name\": \"Sequential\", \"config\": ", "not valid JSON")]
    [InlineData("[1, 2]", "not an object with 'class_name' and 'config'")]
    [InlineData("{\"class_name\": \"Dense\", \"config\": {}}", "'class_name' is 'Dense', not a model class")]
    [InlineData("{\"class_name\": \"Sequential\", \"config\": {\"layers\": [{\"config\": {}}]}}", "$.config.layers[0]: 'class_name' is missing")]
    [InlineData("{\"a\": 1, \"a\": 2}", "not valid JSON")]
    public void Malformed_config_is_one_error_naming_the_place(string json, string expected)
    {
        var error = Assert.Throws<ModelFormatException>(() => KerasJsonModelReader.FromJson(json, "model.json"));

        Assert.StartsWith("model.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_exhausting_the_stack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<ModelFormatException>(() => KerasJsonModelReader.FromJson(json, "deep.json"));

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
