using System.Globalization;
using KerasInspect.Core.Config;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Layers;

/// <summary>
/// What a rule sees: the layer, its input shapes, the writer (for defaults), and typed access to config values that
/// fails with a message naming the key and its JSON path.
/// </summary>
public sealed class LayerContext
{
    private readonly List<Diagnostic> _diagnostics;

    private readonly IStorageDialect? _dialect;

    internal LayerContext(LayerSpec layer, IReadOnlyList<Shape?> inputs, LayerRules rules, KerasWriter writer, IStorageDialect? dialect, List<Diagnostic> diagnostics)
    {
        _dialect = dialect;
        Layer = layer;
        Inputs = inputs;
        Rules = rules;
        Writer = writer;
        _diagnostics = diagnostics;
    }

    public LayerSpec Layer { get; }

    /// <summary>Input shapes; a null entry is a shape that could not be inferred upstream.</summary>
    public IReadOnlyList<Shape?> Inputs { get; }

    public LayerRules Rules { get; }

    public KerasWriter Writer { get; }

    /// <summary>Whether the file stores each gate of this layer as tensors of its own (<see cref="IStorageDialect"/>).</summary>
    public bool StoresGatesApart => _dialect?.StoresGatesApart(Layer) ?? false;

    /// <summary>The single input's shape (null when unknown); fails when the layer has several inputs.</summary>
    public Shape? Input => Inputs.Count == 1
        ? Inputs[0]
        : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{Layer.ClassName} takes one input, it has {Inputs.Count}"), null);

    /// <summary>The single input's shape, which must be known and of rank <paramref name="rank"/> when given.</summary>
    public Shape KnownInput(int? rank = null) => Known(Input, rank);

    /// <summary>
    /// The first input's shape, known and of rank <paramref name="rank"/>: a recurrent layer called with
    /// <c>initial_state</c> lists the states as further inputs, which do not change its weights.
    /// </summary>
    public Shape KnownFirstInput(int rank) =>
        Known(Inputs.Count > 0 ? Inputs[0] : throw Invalid($"{Layer.ClassName} has no input", null), rank);

    private Shape Known(Shape? shape, int? rank)
    {
        var input = shape ?? throw Unknown("the input shape is unknown");
        if (rank is { } expected && input.Rank != expected)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{Layer.ClassName} expects an input of rank {expected}, got {input}"), null);
        }

        return input;
    }

    /// <summary>The input's last dimension (its features or channels), which every weight shape depends on.</summary>
    public long InputFeatures(int? rank = null) => Features(KnownInput(rank));

    /// <summary>The last dimension of a known shape, which every weight shape depends on.</summary>
    public long Features(Shape input) => input.Last ?? throw Unknown($"the last dimension of the input {input} is unknown");

    public ConfigValue? Value(string key) => Layer.Config[key];

    /// <summary>A required whole number ≥ <paramref name="minimum"/>.</summary>
    public long Long(string key, long minimum = 1)
    {
        var value = Value(key) ?? throw Invalid($"'{key}' is missing", Layer.ConfigPath);
        return CheckLong(key, value, minimum);
    }

    /// <summary>An optional whole number ≥ <paramref name="minimum"/>; <paramref name="fallback"/> when absent or null.</summary>
    public long Long(string key, long fallback, long minimum)
    {
        var value = Value(key);
        return value is null || value.IsNull ? fallback : CheckLong(key, value, minimum);
    }

    public bool Bool(string key, bool fallback)
    {
        var value = Value(key);
        if (value is null || value.IsNull)
        {
            return fallback;
        }

        return value.AsBool() ?? throw Invalid($"'{key}' should be true or false, it is {value}", value.Path);
    }

    public string? String(string key)
    {
        var value = Value(key);
        if (value is null || value.IsNull)
        {
            return null;
        }

        return value.AsString() ?? throw Invalid($"'{key}' should be a string, it is {value}", value.Path);
    }

    /// <summary>An int or a one-element list of ints (Keras accepts both for 1-D sizes such as <c>pool_size</c>).</summary>
    public long? OptionalSize(string key)
    {
        var value = Value(key);
        if (value is null || value.IsNull)
        {
            return null;
        }

        var single = value.Kind == ConfigKind.Array && value.Items.Count == 1 ? value.Items[0] : value;
        return CheckLong(key, single, 1);
    }

    /// <summary>
    /// A size per spatial axis: an int (the same on every axis) or a list of <paramref name="count"/> ints, each ≥
    /// <paramref name="minimum"/>; <paramref name="fallback"/> on every axis when absent or null, required when it is null.
    /// </summary>
    public long[] Sizes(string key, int count, long? fallback, long minimum = 1)
    {
        var value = Value(key);
        if (value is null || value.IsNull)
        {
            return fallback is { } f ? [.. Enumerable.Repeat(f, count)] : throw Invalid($"'{key}' is missing", Layer.ConfigPath);
        }

        var list = Unwrapped(value);
        var items = list.Kind == ConfigKind.Array ? list.Items : Enumerable.Repeat(list, count).ToList();
        if (items.Count != count)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{key}' should have {count} entries, it is {value}"), value.Path);
        }

        return [.. items.Select(item => CheckLong(key, item, minimum))];
    }

    /// <summary><c>padding</c>, one of <paramref name="allowed"/>; <c>valid</c> when absent.</summary>
    public string Padding(params string[] allowed)
    {
        var padding = String("padding") ?? "valid";
        return allowed.Contains(padding, StringComparer.Ordinal) ? padding
            : throw Invalid($"'padding' '{padding}' is not one of {string.Join(", ", allowed)}", Value("padding")?.Path);
    }

    /// <summary>True for <c>data_format: channels_first</c>; channels_last when absent.</summary>
    public bool ChannelsFirst() => String("data_format") switch
    {
        null or "channels_last" => false,
        "channels_first" => true,
        var other => throw Invalid($"'data_format' '{other}' is not channels_last or channels_first", Value("data_format")?.Path),
    };

    /// <summary>A list written as a Python tuple by some writers, <c>{"class_name": "__tuple__", "items": […]}</c>, as its list.</summary>
    internal static ConfigValue Unwrapped(ConfigValue value) =>
        value.Kind == ConfigKind.Object && value["class_name"]?.AsString() == "__tuple__" && value["items"] is { Kind: ConfigKind.Array } items
            ? items
            : value;

    /// <summary>Reports a config key left out and the writer's default used for it.</summary>
    public void NoteDefault(string key, string value) =>
        _diagnostics.Add(Findings.DefaultAssumed(Layer.Name, key, value, KerasWriters.Describe(Writer), Layer.ConfigPath));

    /// <summary>Plans a wrapped layer (Bidirectional, TimeDistributed) with its own rule.</summary>
    public LayerPlan PlanInner(LayerSpec inner, IReadOnlyList<Shape?> inputs)
    {
        var rule = Rules.Find(inner.ClassName)
            ?? throw new LayerRuleException(LayerRuleFailure.NoRule, $"the wrapped class '{inner.ClassName}' has no rule", inner.ConfigPath) { ClassName = inner.ClassName };
        return new LayerContext(inner, inputs, Rules, Writer, _dialect, _diagnostics).Plan(rule);
    }

    /// <summary>Plans a part of this layer (an RNN's cell) with a rule that is not in the registry.</summary>
    internal LayerPlan PlanPart(ILayerRule rule, LayerSpec part, IReadOnlyList<Shape?> inputs) =>
        new LayerContext(part, inputs, Rules, Writer, _dialect, _diagnostics).Plan(rule);

    /// <summary>The rule's plan for this layer, its tensors named as the file's dialect names them.</summary>
    internal LayerPlan Plan(ILayerRule rule)
    {
        var plan = rule.Plan(this);
        return _dialect is not { } dialect ? plan
            : plan with { Tensors = [.. plan.Tensors.Select(t => t with { Name = dialect.TensorName(Layer, t.Name) })] };
    }

    public LayerRuleException Invalid(string message, string? path) =>
        new(LayerRuleFailure.InvalidConfig, message, path ?? Layer.ConfigPath);

    public LayerRuleException Unknown(string message) =>
        new(LayerRuleFailure.InputUnknown, message, Layer.ConfigPath);

    private long CheckLong(string key, ConfigValue value, long minimum)
    {
        var number = value.AsLong() ?? throw Invalid($"'{key}' should be a whole number, it is {value}", value.Path);
        if (number < minimum)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{key}' is {number}; it must be at least {minimum}"), value.Path);
        }

        return number;
    }
}
