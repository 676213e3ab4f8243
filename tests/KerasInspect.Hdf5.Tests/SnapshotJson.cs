using Newtonsoft.Json.Linq;

namespace KerasInspect.Hdf5.Tests;

/// <summary>
/// Renders a snapshot in the JSON shape that <c>scripts/h5snapshot.py</c> writes from h5py, so the two can be
/// compared value for value. Only the tests need this; the reader's product is the snapshot itself.
/// </summary>
internal static class SnapshotJson
{
    public static JObject From(H5Snapshot snapshot) =>
        new(new JProperty("objects", new JArray(snapshot.Walk().Select(Node))));

    private static JObject Node(H5Node node) => node switch
    {
        H5Group g => new JObject(
            new JProperty("path", g.Path),
            new JProperty("kind", "group"),
            new JProperty("attributes", Attributes(g.Attributes))),
        H5Dataset d => new JObject(
            new JProperty("path", d.Path),
            new JProperty("kind", "dataset"),
            new JProperty("shape", d.Shape is null ? JValue.CreateNull() : new JArray(d.Shape)),
            new JProperty("dtype", d.ElementType.Name),
            new JProperty("attributes", Attributes(d.Attributes))),
        H5SoftLink s => new JObject(
            new JProperty("path", s.Path), new JProperty("kind", "soft"), new JProperty("target", s.Target)),
        H5ExternalLink e => new JObject(
            new JProperty("path", e.Path), new JProperty("kind", "external"), new JProperty("file", e.FileName), new JProperty("target", e.Target)),
        H5CommittedDatatype t => new JObject(
            new JProperty("path", t.Path), new JProperty("kind", "datatype"), new JProperty("attributes", Attributes(t.Attributes))),
        H5RepeatedLink r => new JObject(
            new JProperty("path", r.Path), new JProperty("kind", "hardlink"), new JProperty("target", r.Target)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JArray Attributes(IReadOnlyList<H5Attribute> attributes) => new(attributes.Select(a => new JObject(
        new JProperty("name", a.Name),
        new JProperty("dtype", a.Type.Name),
        new JProperty("shape", a.Shape is null ? JValue.CreateNull() : new JArray(a.Shape)),
        new JProperty("value", Value(a)))));

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
        if (items is null)
        {
            return JValue.CreateNull();
        }

        var position = 0;
        return Nest(attribute.Shape, 0, items, ref position);
    }

    private static JToken Float(double value) => value switch
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
