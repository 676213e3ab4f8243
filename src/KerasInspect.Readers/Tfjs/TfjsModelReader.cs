using System.Globalization;
using KerasInspect.Core;
using KerasInspect.Core.Config;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Model;
using KerasInspect.Core.Reading;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Tfjs;

/// <summary>
/// Reads a TensorFlow.js layers <c>model.json</c> (keras-file-formats.md §6): the Keras config in <c>modelTopology</c>
/// (as TF.js saves it, or wrapped in <c>model_config</c> by the converter) and the weights' names, shapes and dtypes from
/// <c>weightsManifest</c>, so no <c>.bin</c> is read. When the shards are there, their total size is checked against the
/// manifest. Weights listed in the <c>optimizer</c> group are counted apart.
/// </summary>
public sealed class TfjsModelReader : IModelReader
{
    public ModelFormat Format => ModelFormat.TfjsLayers;

    /// <exception cref="KerasInspectException">The file is not valid JSON or not a TF.js layers model.</exception>
    public ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        var root = JsonConfigLoader.Parse(KerasJsonModelReader.ReadText(path), path);
        var topology = root["modelTopology"] ?? throw new ModelFormatException("no modelTopology: not a TF.js layers model", new SourceLocation(path, root.Path));
        if (root["format"]?.AsString() == "graph-model" || (topology["node"] is not null && topology["class_name"] is null && topology["model_config"] is null))
        {
            throw new ModelFormatException(
                "a TensorFlow.js graph model (\"format\": \"graph-model\", converted from a SavedModel or a frozen graph): it holds TensorFlow ops, not Keras layers, so there are no layers to audit",
                new SourceLocation(path, topology.Path));
        }

        var config = topology["model_config"] ?? topology;
        var version = topology["keras_version"]?.AsString() ?? config["keras_version"]?.AsString();
        var model = new KerasConfigMapper(path, KerasWriters.FromVersion(version)).Model(config);
        var (layers, optimizer, shardFindings) = Weights(path, root["weightsManifest"]);
        var stored = new StoredWeights(path, FormatNames.TfjsLayers, version, null, TfjsNestedWeights.Attribute(TfjsStackedCellNames.Rename(layers, model), model));
        return new ModelContents(path, FormatNames.TfjsLayers, version, model, stored, optimizer, shardFindings);
    }

    private static (List<StoredLayer> Layers, int Optimizer, List<Diagnostic> Findings) Weights(string path, ConfigValue? manifest)
    {
        var byLayer = new Dictionary<string, List<StoredTensor>>(StringComparer.Ordinal);
        var order = new List<string>();
        var optimizer = 0;
        var findings = new List<Diagnostic>();
        foreach (var group in manifest?.Items ?? [])
        {
            long expectedBytes = 0;
            foreach (var weight in group["weights"]?.Items ?? [])
            {
                var name = weight["name"]?.AsString() ?? throw Error(path, weight, "a manifest weight has no name");
                var shape = Shape(path, weight["shape"]);
                var dtype = weight["quantization"]?["dtype"]?.AsString() ?? weight["dtype"]?.AsString() ?? "float32";
                // An absurd shape is a finding: its count is unknown, and the shard sizes cannot be checked.
                if (ShapeMath.TryCount(shape) is not { } count || count > (long.MaxValue - Math.Max(expectedBytes, 0)) / 8)
                {
                    findings.Add(Findings.CountOverflow(name.Split('/')[0], weight.Path));
                    expectedBytes = -1;
                }
                else if (expectedBytes >= 0)
                {
                    expectedBytes += count * BytesPerElement(dtype);
                }

                if (weight["group"]?.AsString() == "optimizer")
                {
                    optimizer++;
                    continue;
                }

                var layer = name.Split('/')[0];
                if (!byLayer.TryGetValue(layer, out var tensors))
                {
                    byLayer[layer] = tensors = [];
                    order.Add(layer);
                }

                tensors.Add(new StoredTensor(layer, name, $"weightsManifest: {name}", shape, weight["dtype"]?.AsString() ?? "float32"));
            }

            if (expectedBytes >= 0 && CheckShards(path, group, expectedBytes) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return ([.. order.Select(l => new StoredLayer(l, byLayer[l]))], optimizer, findings);
    }

    /// <summary>The shards of a group together hold Σ elements × bytes per element; absent shards are only noted.</summary>
    private static Diagnostic? CheckShards(string path, ConfigValue group, long expectedBytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var shards = (group["paths"]?.Items ?? []).Select(p => p.AsString() ?? "").ToList();
        var files = shards.Select(s => Path.GetFullPath(Path.Combine(folder, s))).ToList();
        if (files.Any(f => !f.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return TfjsFindings.ShardOutsideFolder(shards);
        }

        var present = files.Where(File.Exists).ToList();
        if (present.Count == 0)
        {
            return shards.Count == 0 ? null : TfjsFindings.ShardsAbsent(shards.Count);
        }

        if (present.Count < files.Count)
        {
            return TfjsFindings.ShardsMissing(files.Count - present.Count, files.Count);
        }

        var actual = present.Sum(f => new FileInfo(f).Length);
        return actual == expectedBytes ? null : TfjsFindings.ShardSizeMismatch(expectedBytes, actual);
    }

    private static int BytesPerElement(string dtype) => dtype switch
    {
        "bool" or "uint8" or "int8" => 1,
        "float16" or "uint16" or "int16" => 2,
        "complex64" or "float64" or "int64" => 8,
        _ => 4,
    };

    private static IReadOnlyList<long> Shape(string path, ConfigValue? shape)
    {
        if (shape is null || shape.Kind != ConfigKind.Array)
        {
            throw new ModelFormatException("a manifest weight has no shape list", new SourceLocation(path, shape?.Path));
        }

        return [.. shape.Items.Select(d => d.AsLong() is { } n && n >= 0 ? n : throw Error(path, d, string.Create(CultureInfo.InvariantCulture, $"a manifest dimension should be a whole number ≥ 0, found {d}")))];
    }

    private static ModelFormatException Error(string path, ConfigValue at, string message) =>
        new(message, new SourceLocation(path, at.Path));
}
