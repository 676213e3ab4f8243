using KerasInspect.Hdf5;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Json;

/// <summary>
/// Renders an <see cref="H5Snapshot"/> in the JSON shape that <c>scripts/h5snapshot.py</c> writes from h5py, so the two
/// can be compared value for value: <c>{"objects": [...]}</c>, every object in depth-first pre-order with its path, kind,
/// attributes (name, dtype, shape, value) and, for a dataset, its shape and dtype. That shape is a contract shared with the
/// h5py script; change both together.
/// </summary>
public static class H5SnapshotJson
{
    /// <summary>
    /// Most JSON arrays an empty attribute value may nest into: shape (2**40, 0) has no elements but would need 2**40
    /// empty lists, so such a value is written as null, as an undecoded one is. A value with elements needs at most
    /// one array per element and axis, and the reader already bounds its elements.
    /// </summary>
    private const long MaxNestedArrays = 1_000_000;

    /// <summary>The snapshot as <c>{"objects": [...]}</c>.</summary>
    public static JObject From(H5Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new JObject(new JProperty("objects", new JArray(snapshot.Walk().Select(Node))));
    }

    private static JObject Node(H5Node node) => node switch
    {
        H5Group g => new JObject(
            new JProperty("path", g.Path),
            new JProperty("kind", "group"),
            new JProperty("attributes", Attributes(g.Attributes))),
        H5Dataset d => new JObject(
            new JProperty("path", d.Path),
            new JProperty("kind", "dataset"),
            new JProperty("shape", Shape(d.Shape)),
            new JProperty("dtype", d.ElementType.Name),
            new JProperty("attributes", Attributes(d.Attributes))),
        H5SoftLink s => new JObject(
            new JProperty("path", s.Path),
            new JProperty("kind", "soft"),
            new JProperty("target", s.Target)),
        H5ExternalLink e => new JObject(
            new JProperty("path", e.Path),
            new JProperty("kind", "external"),
            new JProperty("file", e.FileName),
            new JProperty("target", e.Target)),
        H5CommittedDatatype t => new JObject(
            new JProperty("path", t.Path),
            new JProperty("kind", "datatype"),
            new JProperty("attributes", Attributes(t.Attributes))),
        H5RepeatedLink r => new JObject(
            new JProperty("path", r.Path),
            new JProperty("kind", "hardlink"),
            new JProperty("target", r.Target)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown snapshot node type"),
    };

    private static JToken Shape(IReadOnlyList<long>? shape) => shape is null ? JValue.CreateNull() : new JArray(shape);

    private static JArray Attributes(IReadOnlyList<H5Attribute> attributes) => new(attributes.Select(a => new JObject(
        new JProperty("name", a.Name),
        new JProperty("dtype", a.Type.Name),
        new JProperty("shape", Shape(a.Shape)),
        new JProperty("value", Value(a)))));

    /// <summary>The value nested by the attribute's shape, as numpy's <c>tolist()</c> would; null when not decoded.</summary>
    private static JToken Value(H5Attribute attribute)
    {
        if (attribute.Shape is null)
        {
            return JValue.CreateNull();
        }

        List<JToken>? items = attribute.Value switch
        {
            H5StringValue s => [.. s.Items.Select(x => (JToken)new JValue(x))],
            H5IntegerValue i => [.. i.Items.Select(x => (JToken)new JValue(x))],
            H5FloatValue f => [.. f.Items.Select(Float)],
            _ => null,
        };
        if (items is null || (items.Count == 0 && NestedArrays(attribute.Shape) > MaxNestedArrays))
        {
            return JValue.CreateNull();
        }

        var position = 0;
        return Nest(attribute.Shape, 0, items, ref position);
    }

    /// <summary>The arrays <see cref="Nest"/> builds for a shape, counted up to just past <see cref="MaxNestedArrays"/>.</summary>
    private static long NestedArrays(IReadOnlyList<long> shape)
    {
        long total = 0;
        long atDepth = 1;
        foreach (var dim in shape)
        {
            total += atDepth;
            if (dim == 0 || total > MaxNestedArrays)
            {
                break;
            }

            atDepth = dim > MaxNestedArrays / atDepth ? MaxNestedArrays + 1 : atDepth * dim;
        }

        return total;
    }

    /// <summary>JSON has no NaN or infinities; the h5py script writes them as these strings.</summary>
    private static JValue Float(double value) => value switch
    {
        double.NaN => new JValue("NaN"),
        double.PositiveInfinity => new JValue("Infinity"),
        double.NegativeInfinity => new JValue("-Infinity"),
        _ => new JValue(value),
    };

    private static JToken Nest(IReadOnlyList<long> shape, int axis, List<JToken> items, ref int position)
    {
        if (axis == shape.Count)
        {
            return items[position++];
        }

        var array = new JArray();
        for (long i = 0; i < shape[axis]; i++)
        {
            array.Add(Nest(shape, axis + 1, items, ref position));
        }

        return array;
    }
}
