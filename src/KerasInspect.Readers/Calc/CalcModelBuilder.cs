using System.Globalization;
using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Model;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Readers.Calc;

/// <summary>
/// Turns <c>calc</c>'s layer expressions and <c>--input</c> into a Sequential model, naming layers as Keras does
/// (<c>lstm</c>, <c>lstm_1</c>, …). Positional arguments take the names of the Keras constructor's first parameters.
/// </summary>
public static class CalcModelBuilder
{
    /// <exception cref="LayerExpressionException">An expression or the input shape cannot be understood.</exception>
    public static ModelDescription Build(IReadOnlyList<string> expressions, string? input, LayerRules rules)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(rules);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var layers = new List<LayerSpec>();
        for (var i = 0; i < expressions.Count; i++)
        {
            try
            {
                var parsed = LayerExpressionParser.Parse(expressions[i]);
                layers.Add(new Builder(expressions[i], rules, counters, $"calc[{i}]").Layer(parsed));
            }
            catch (LayerExpressionException error)
            {
                throw new LayerExpressionException(error.Message, error.Expression, error.Position) { Index = i + 1 };
            }
        }

        var first = layers.Count > 0 ? layers[0] : null;
        var shape = input is not null ? InputShape(input, first, rules)
            : first?.ClassName == "Embedding" ? Shape.Of(null, null) // token ids of any length: the table does not depend on it
            : null;
        return new ModelDescription("calc", "Sequential", ModelKind.Sequential, layers) { DeclaredInputShape = shape, Writer = KerasWriter.Keras3, Dialect = StorageDialects.For(KerasWriter.Keras3) };
    }

    /// <summary>
    /// <c>64</c> (features: (None, None, 64) before a sequence layer, (None, 64) otherwise), or the shape without the
    /// batch axis: <c>10,64</c>, <c>None,64</c>, <c>(None, 64)</c>.
    /// </summary>
    private static Shape InputShape(string text, LayerSpec? first, LayerRules rules)
    {
        var parts = text.Trim().TrimStart('(', '[').TrimEnd(')', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new LayerExpressionException("--input needs a size such as 64 or a shape such as 10,64", text, 0);
        }

        var dims = new List<long?>();
        var position = 0;
        foreach (var part in parts)
        {
            position = text.IndexOf(part, position, StringComparison.Ordinal);
            dims.Add(part is "None" or "null" ? null
                : long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0 ? d
                : throw new LayerExpressionException($"'{part}' is not a dimension (a whole number > 0 or None)", text, Math.Max(0, position)));
        }

        if (dims.Count == 1 && first is not null && rules.Find(first.ClassName)?.TakesSequence(first.ClassName) == true)
        {
            dims.Insert(0, null);
        }

        return new Shape([null, .. dims]);
    }

    private sealed class Builder(string expression, LayerRules rules, Dictionary<string, int> counters, string path)
    {
        public LayerSpec Layer(ParsedLayer parsed)
        {
            if (rules.Find(parsed.ClassName) is null)
            {
                throw new LayerExpressionException(
                    $"'{parsed.ClassName}' is not a layer class calc knows; known: {string.Join(", ", rules.ClassNames)}",
                    expression,
                    parsed.Position);
            }

            var name = UniqueName(parsed.ClassName);
            var properties = new List<KeyValuePair<string, ConfigValue>> { KeyValuePair.Create("name", ConfigValue.Of($"{path}.name", name)) };
            LayerSpec? inner = null;
            LayerSpec? backward = null;
            var names = rules.Find(parsed.ClassName)?.PositionalArguments(parsed.ClassName) ?? [];
            if (parsed.Positional.Count > names.Count)
            {
                var extra = parsed.Positional[names.Count];
                throw new LayerExpressionException(
                    names.Count == 0
                        ? $"{parsed.ClassName} takes keyword arguments only"
                        : $"{parsed.ClassName} takes at most {names.Count} positional argument(s) ({string.Join(", ", names)}); name the others",
                    expression,
                    extra.Position);
            }

            var arguments = parsed.Positional.Select((a, i) => a with { Name = names[i] }).Concat(parsed.Keywords);
            foreach (var argument in arguments)
            {
                var key = argument.Name!;
                if (properties.Any(p => p.Key == key))
                {
                    throw new LayerExpressionException($"'{key}' is given twice", expression, argument.Position);
                }

                if (argument.Value.Layer is { } nested)
                {
                    var spec = new Builder(expression, rules, counters, $"{path}.{key}").Layer(nested);
                    if (key == "layer")
                    {
                        inner = spec;
                    }
                    else if (key == "backward_layer")
                    {
                        backward = spec;
                    }
                    else
                    {
                        throw new LayerExpressionException($"'{key}' cannot be a layer", expression, argument.Value.Position);
                    }

                    continue;
                }

                properties.Add(KeyValuePair.Create(key, Convert(argument.Value, $"{path}.{key}")));
            }

            var config = ConfigValue.Object(path, properties);
            return new LayerSpec(name, parsed.ClassName, config)
            {
                Inner = inner,
                Backward = backward,
                Trainable = config["trainable"]?.AsBool() != false,
            };
        }

        private static ConfigValue Convert(ParsedValue value, string path) => value.Kind switch
        {
            ConfigKind.Number => ConfigValue.Of(path, value.Number),
            ConfigKind.String => ConfigValue.Of(path, value.Text),
            ConfigKind.Bool => ConfigValue.Of(path, value.Flag),
            ConfigKind.Array => ConfigValue.Array(path, [.. value.Items.Select((item, i) => Convert(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))]),
            _ => ConfigValue.Null(path),
        };

        /// <summary>Keras' default names: the class in snake case, then <c>_1</c>, <c>_2</c>, … for repeats.</summary>
        private string UniqueName(string className)
        {
            var snake = KerasNames.SnakeCase(className);
            var seen = counters.GetValueOrDefault(snake);
            counters[snake] = seen + 1;
            return seen == 0 ? snake : string.Create(CultureInfo.InvariantCulture, $"{snake}_{seen}");
        }
    }
}
