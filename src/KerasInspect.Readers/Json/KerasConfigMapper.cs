using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Core.Config;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Readers.Json;

/// <summary>
/// Maps a Keras model config (an <c>.h5</c> file's <c>model_config</c>, <c>model.to_json()</c>, a <c>.keras</c> archive's
/// <c>config.json</c>, a TF.js <c>modelTopology</c>) into the neutral <see cref="ModelDescription"/>. The vocabulary is
/// Keras 2's; Keras 3's additions (<c>batch_shape</c>, <c>build_config</c>, <c>{args, kwargs}</c> call events) are read
/// where they appear, and Keras 1 configs are first renamed by <see cref="Keras1Dialect"/>.
/// </summary>
internal sealed class KerasConfigMapper(string file, KerasWriter writer)
{
    private int _layers;
    private int _depth;

    /// <summary>Most layers in one model file, nested models and wrapped layers included; real models have hundreds.</summary>
    public const int MaxLayers = 100_000;

    /// <summary>Deepest nesting of models inside models (and of wrappers inside wrappers).</summary>
    public const int MaxNesting = 32;

    private static readonly HashSet<string> ModelClasses = new(StringComparer.Ordinal) { "Sequential", "Model", "Functional" };
    private static readonly HashSet<string> RecurrentClasses = new(StringComparer.Ordinal) { "SimpleRNN", "LSTM", "GRU" };

    /// <summary>Maps a <c>{"class_name": "Sequential" | "Model" | "Functional", "config": …}</c> object.</summary>
    public ModelDescription Model(ConfigValue entry, bool nested = false)
    {
        var className = RequireString(entry, "class_name");
        if (!ModelClasses.Contains(className))
        {
            throw Error($"'class_name' is '{className}', not a model class (Sequential, Model or Functional)", entry);
        }

        var config = entry["config"] ?? throw Error("the model has no 'config'", entry);
        return className == "Sequential" ? Sequential(entry, config, nested) : Functional(className, config, nested);
    }

    private ModelDescription Sequential(ConfigValue entry, ConfigValue config, bool nested)
    {
        // Keras 2.0–2.2.2 wrote a Sequential config as the bare list of layers.
        var list = config.Kind == ConfigKind.Array ? config : config["layers"] ?? throw Error("the Sequential config has no 'layers'", config);
        var layers = Layers(list);
        return new ModelDescription(NameOf(config, "sequential"), "Sequential", ModelKind.Sequential, layers)
        {
            Writer = writer,
            Dialect = StorageDialects.For(writer),
            DeclaredInputShape = config.Kind == ConfigKind.Object && config["build_input_shape"] is { IsNull: false } built ? BatchShape(built)
                : Recorded(entry) is [var keras3] ? keras3
                : null,
            // tf.keras gives a nested Sequential that starts with an InputLayer an unserialized first call; Keras 3 does not.
            OwnsInternalNode = nested && writer != KerasWriter.Keras3 && layers.Count > 0 && layers[0].ClassName == "InputLayer",
        };
    }

    private ModelDescription Functional(string className, ConfigValue config, bool nested)
    {
        var layers = Layers(config["layers"] ?? throw Error("the model config has no 'layers'", config));
        return new ModelDescription(NameOf(config, "model"), className, ModelKind.Functional, layers)
        {
            Writer = writer,
            Dialect = StorageDialects.For(writer),
            Inputs = References(config["input_layers"]),
            Outputs = References(config["output_layers"]),
            OwnsInternalNode = nested,
        };
    }

    private List<LayerSpec> Layers(ConfigValue list)
    {
        if (list.Kind != ConfigKind.Array)
        {
            throw Error($"'layers' should be a list, it is {list.Kind.ToString().ToLowerInvariant()}", list);
        }

        return [.. list.Items.Select(Layer)];
    }

    private LayerSpec Layer(ConfigValue entry)
    {
        if (++_layers > MaxLayers)
        {
            throw Error($"the model has more than {MaxLayers} layers", entry);
        }

        if (_depth >= MaxNesting)
        {
            throw Error($"models and wrappers are nested more than {MaxNesting} deep", entry);
        }

        _depth++;
        try
        {
            return MapLayer(entry);
        }
        finally
        {
            _depth--;
        }
    }

    private LayerSpec MapLayer(ConfigValue entry)
    {
        var className = RequireString(entry, "class_name");
        var config = writer == KerasWriter.Keras1 ? Keras1Dialect.Normalize(className, entry["config"]) : entry["config"];
        if (config is null || (config.Kind != ConfigKind.Object && !(className == "Sequential" && config.Kind == ConfigKind.Array)))
        {
            throw Error($"layer of class '{className}' has no 'config' object", entry);
        }

        var name = (config.Kind == ConfigKind.Object ? config["name"]?.AsString() : null) ?? entry["name"]?.AsString()
            ?? throw Error($"layer of class '{className}' has no name", entry);
        var isModel = ModelClasses.Contains(className) && (config.Kind == ConfigKind.Array || config["layers"] is not null);
        return new LayerSpec(name, className, config)
        {
            Trainable = config.Kind != ConfigKind.Object || config["trainable"]?.AsBool() != false,
            DeclaredInputShape = config.Kind == ConfigKind.Object
                ? DeclaredInput(className, config) ?? (Recorded(entry) is [var single] ? single : null)
                : null,
            RecordedInputShapes = Recorded(entry),
            Nested = isModel ? Model(entry, nested: true) : null,
            Inner = config.Kind == ConfigKind.Object && config["layer"] is { Kind: ConfigKind.Object } inner ? Layer(inner) : null,
            Backward = config.Kind == ConfigKind.Object && config["backward_layer"] is { Kind: ConfigKind.Object } backward ? Layer(backward) : null,
            Calls = Calls(entry["inbound_nodes"]),
            Module = entry["module"]?.AsString(),
            RegisteredName = entry["registered_name"]?.AsString(),
        };
    }

    /// <summary>
    /// <c>batch_input_shape</c>, else <c>input_shape</c> (no batch axis), else a first layer's <c>input_dim</c> and
    /// <c>input_length</c>: (None, input_length, input_dim) for a recurrent layer, (None, input_dim) otherwise, and
    /// (None, input_length) for an Embedding, whose <c>input_dim</c> is its vocabulary.
    /// </summary>
    private Shape? DeclaredInput(string className, ConfigValue config)
    {
        if ((config["batch_input_shape"] ?? config["batch_shape"]) is { IsNull: false } batch)
        {
            return BatchShape(batch);
        }

        if (config["input_shape"] is { IsNull: false } perSample)
        {
            return BatchShape(perSample).InsertAxis(0, null);
        }

        var length = config["input_length"] is { IsNull: false } l ? Dimension(l) : null;
        if (className == "Embedding")
        {
            return config["input_length"] is { IsNull: false } ? Shape.Of(null, length) : null;
        }

        if (config["input_dim"] is not { IsNull: false } dim)
        {
            return null;
        }

        return RecurrentClasses.Contains(className) ? Shape.Of(null, length, Dimension(dim)) : Shape.Of(null, Dimension(dim));
    }

    /// <summary>
    /// <c>build_config.input_shape</c>: one shape, or a list of shapes for a layer called on several tensors
    /// (<c>[[null, 50], [null, 50]]</c>); a dict of shapes (structured inputs) is not read.
    /// </summary>
    private List<Shape?> Recorded(ConfigValue entry)
    {
        if (entry["build_config"]?["input_shape"] is not { IsNull: false } built)
        {
            return [];
        }

        var list = LayerListOf(built);
        if (list is null)
        {
            return [];
        }

        return list.Items.Count > 0 && list.Items.All(item => item.IsNull || LayerListOf(item) is not null) && list.Items.Any(item => !item.IsNull)
            ? [.. list.Items.Select(item => item.IsNull ? null : BatchShape(item))]
            : [BatchShape(built)];
    }

    private static ConfigValue? LayerListOf(ConfigValue value)
    {
        var list = value.Kind == ConfigKind.Object && value["class_name"]?.AsString() == "__tuple__" ? value["items"] : value;
        return list is { Kind: ConfigKind.Array } ? list : null;
    }

    private long? Dimension(ConfigValue item) => item.IsNull ? null
        : item.AsLong() is { } d && d >= 0 ? d
        : throw Error($"a dimension should be a whole number ≥ 0 or null, found {item}", item);

    /// <summary>A list of dimensions (null = unknown), possibly wrapped as <c>{"class_name": "__tuple__", "items": […]}</c>.</summary>
    private Shape BatchShape(ConfigValue value)
    {
        var list = value.Kind == ConfigKind.Object && value["class_name"]?.AsString() == "__tuple__" ? value["items"] : value;
        if (list is null || list.Kind != ConfigKind.Array)
        {
            throw Error($"a shape should be a list of dimensions, found {value}", value);
        }

        return new Shape([.. list.Items.Select(Dimension)]);
    }

    /// <summary>
    /// <c>inbound_nodes</c>: a list of call events, each a list of <c>[layer, node, tensor, kwargs?]</c> references, or
    /// (tf.keras ≥ 2.4) one such reference on its own.
    /// </summary>
    private List<CallEvent> Calls(ConfigValue? nodes)
    {
        if (nodes is null || nodes.IsNull)
        {
            return [];
        }

        if (nodes.Kind != ConfigKind.Array)
        {
            throw Error("'inbound_nodes' should be a list", nodes);
        }

        return [.. nodes.Items.Select(node => new CallEvent(CallInputs(node), node.Path))];
    }

    private List<TensorRef> CallInputs(ConfigValue node)
    {
        if (node.Kind == ConfigKind.Object && node["args"] is { } args)
        {
            // Keras 3: {"args": [...], "kwargs": {...}} with tensors as __keras_tensor__ objects; a mask is not an input.
            var kwargs = node["kwargs"]?.Properties.Where(p => p.Key != "mask").Select(p => p.Value) ?? [];
            return [.. KerasTensors(args).Concat(kwargs.SelectMany(KerasTensors))];
        }

        if (IsReference(node))
        {
            return Reference(node) is { } single ? [single] : [];
        }

        if (node.Kind != ConfigKind.Array)
        {
            throw Error("a call event in 'inbound_nodes' should be a list of [layer, node, tensor] references", node);
        }

        // tf.keras passes further tensors as keyword arguments in a reference's fourth element, e.g. MultiHeadAttention's
        // {"value": ["x", 0, 0]}: they follow the positional inputs, value before key (a TFOpLambda's y likewise).
        return [.. node.Items.SelectMany(item => new[] { Reference(item) }.Concat(KeywordTensors(item))).OfType<TensorRef>()];
    }

    private IEnumerable<TensorRef?> KeywordTensors(ConfigValue reference)
    {
        if (reference.Items.Count < 4 || reference.Items[3] is not { Kind: ConfigKind.Object } kwargs)
        {
            yield break;
        }

        // a TFOpLambda's second operand: {"y": ["dense_1", 0, 0]}
        foreach (var key in new[] { "value", "key", "y" })
        {
            if (kwargs[key] is { } tensor && IsReference(tensor))
            {
                yield return Reference(tensor);
            }
        }
    }

    /// <summary>Every <c>__keras_tensor__</c> inside a value, in order, as the reference its <c>keras_history</c> names.</summary>
    private IEnumerable<TensorRef> KerasTensors(ConfigValue value)
    {
        if (value.Kind == ConfigKind.Object && value["class_name"]?.AsString() == "__keras_tensor__")
        {
            if (value["config"]?["keras_history"] is { } history && Reference(history) is { } reference)
            {
                yield return reference;
            }

            yield break;
        }

        var children = value.Kind == ConfigKind.Array ? value.Items : value.Properties.Select(p => p.Value);
        foreach (var child in children)
        {
            foreach (var reference in KerasTensors(child))
            {
                yield return reference;
            }
        }
    }

    private List<TensorRef> References(ConfigValue? value)
    {
        if (value is null || value.IsNull)
        {
            return [];
        }

        if (IsReference(value))
        {
            return Reference(value) is { } single ? [single] : [];
        }

        // a list of references, or nested lists and dicts of them (structured inputs)
        return value.Kind switch
        {
            ConfigKind.Array => [.. value.Items.SelectMany(References)],
            ConfigKind.Object => [.. value.Properties.SelectMany(p => References(p.Value))],
            _ => throw Error("expected a list of [layer, node, tensor] references", value),
        };
    }

    private static bool IsReference(ConfigValue value) =>
        value.Kind == ConfigKind.Array && value.Items.Count >= 3 && value.Items[0].Kind == ConfigKind.String;

    private TensorRef? Reference(ConfigValue value)
    {
        if (!IsReference(value))
        {
            throw Error($"expected a [layer, node, tensor] reference, found {value}", value);
        }

        var layer = value.Items[0].AsString()!;
        if (layer == "_CONSTANT_VALUE")
        {
            return null; // a constant argument of a TF op layer, not a tensor
        }

        return new TensorRef(layer, Index(value.Items[1]), Index(value.Items[2]));
    }

    private int Index(ConfigValue value) =>
        value.AsLong() is { } n && n is >= 0 and <= int.MaxValue ? (int)n : throw Error($"expected a node or tensor index, found {value}", value);

    private static string NameOf(ConfigValue config, string fallback) =>
        config.Kind == ConfigKind.Object ? config["name"]?.AsString() ?? fallback : fallback;

    private string RequireString(ConfigValue entry, string key) =>
        entry[key]?.AsString() ?? throw Error($"'{key}' is missing or not a string", entry);

    private ModelFormatException Error(string message, ConfigValue at) =>
        new(message, new SourceLocation(file, at.Path));
}
