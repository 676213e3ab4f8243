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

    public static ConfigValue Config(string path, IEnumerable<(string Key, object? Value)> properties) =>
        ConfigValue.Object(path, [.. properties.Select(p => KeyValuePair.Create(p.Key, Value($"{path}.{p.Key}", p.Value)))]);

    private static ConfigValue Value(string path, object? value) => value switch
    {
        null => ConfigValue.Null(path),
        bool b => ConfigValue.Of(path, b),
        string s => ConfigValue.Of(path, s),
        int or long or double => ConfigValue.Of(path, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable items => ConfigValue.Array(path, [.. items.Cast<object?>().Select((item, i) => Value($"{path}[{i}]", item))]),
        _ => throw new ArgumentException($"unsupported config value {value}", nameof(value)),
    };
}
