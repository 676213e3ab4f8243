using System.Globalization;
using KerasInspect.Core.Analysis;
using KerasInspect.Core.Config;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests;

/// <summary>Builds layers and models in code, so rule tests need no JSON reader.</summary>
internal static class Build
{
    public static LayerSpec Layer(string className, string name, params (string Key, object? Value)[] config) =>
        new(name, className, Config($"$.{name}", [("name", name), .. config]));

    public static LayerSpec Wrapper(string className, string name, LayerSpec inner, LayerSpec? backward = null, params (string Key, object? Value)[] config) =>
        Layer(className, name, config) with { Inner = inner, Backward = backward };

    public static ModelDescription Sequential(Shape input, params LayerSpec[] layers) => Sequential(input, KerasWriter.TfKeras, layers);

    public static ModelDescription Sequential(Shape input, KerasWriter writer, params LayerSpec[] layers) =>
        new("sequential", "Sequential", ModelKind.Sequential, layers) { DeclaredInputShape = input, Writer = writer };

    /// <summary>Analyses one layer on an input shape (batch dimension first).</summary>
    public static LayerAnalysis One(LayerSpec layer, params long?[] input) =>
        ModelAnalyzer.Default.Analyze(Sequential(Shape.Of(input), layer)).Layers.Single();

    public static ModelAnalysis Analyze(Shape input, params LayerSpec[] layers) =>
        ModelAnalyzer.Default.Analyze(Sequential(input, layers));

    /// <summary>Analyses one call of a layer on several inputs (a functional graph of input layers), in a model of <paramref name="writer"/>.</summary>
    public static ModelAnalysis Call(LayerSpec layer, KerasWriter writer, params Shape[] inputs)
    {
        var inputLayers = inputs.Select((shape, i) => Layer("InputLayer", $"input_{i}") with { DeclaredInputShape = shape }).ToList();
        var references = inputLayers.Select(l => new TensorRef(l.Name, 0, 0)).ToList();
        var called = layer with { Calls = [new CallEvent(references, $"$.{layer.Name}.inbound_nodes[0]")] };
        var model = new ModelDescription("model", "Functional", ModelKind.Functional, [.. inputLayers, called])
        {
            Writer = writer,
            Inputs = references,
            Outputs = [new TensorRef(layer.Name, 0, 0)],
        };
        return ModelAnalyzer.Default.Analyze(model);
    }

    /// <summary>The analysis of <paramref name="layer"/> called on several inputs in a tf.keras model.</summary>
    public static LayerAnalysis Call(LayerSpec layer, params Shape[] inputs) =>
        Call(layer, KerasWriter.TfKeras, inputs).Layers.Single(l => l.Layer.Name == layer.Name);

    /// <summary>Analyses one layer on an input shape in a model written by <paramref name="writer"/>.</summary>
    public static LayerAnalysis One(KerasWriter writer, LayerSpec layer, params long?[] input) =>
        ModelAnalyzer.Default.Analyze(Sequential(Shape.Of(input), writer, layer)).Layers.Single();

    /// <summary>A nested config object, such as an RNN's <c>cell</c>: <c>{"class_name": …, "config": {…}}</c>.</summary>
    public static ConfigObject Object(params (string Key, object? Value)[] properties) => new(properties);

    /// <summary>A serialized Keras object, <c>{"class_name": className, "config": {…}}</c>.</summary>
    public static ConfigObject Serialized(string className, params (string Key, object? Value)[] config) =>
        Object(("class_name", className), ("config", Object(config)));

    public static ConfigValue Config(string path, IEnumerable<(string Key, object? Value)> properties) =>
        ConfigValue.Object(path, [.. properties.Select(p => KeyValuePair.Create(p.Key, Value($"{path}.{p.Key}", p.Value)))]);

    private static ConfigValue Value(string path, object? value) => value switch
    {
        null => ConfigValue.Null(path),
        bool b => ConfigValue.Of(path, b),
        string s => ConfigValue.Of(path, s),
        ConfigObject o => Config(path, o.Properties),
        int or long or double => ConfigValue.Of(path, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable items => ConfigValue.Array(path, [.. items.Cast<object?>().Select((item, i) => Value($"{path}[{i}]", item))]),
        _ => throw new ArgumentException($"unsupported config value {value}", nameof(value)),
    };
}
