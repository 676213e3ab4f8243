using KerasInspect.Core;
using KerasInspect.Core.Reading;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Json;
using KerasInspect.Readers.Keras3;

namespace KerasInspect.Readers.Hdf5;

/// <summary>
/// Reads the weights a Keras HDF5 file stores (keras-file-formats.md): full models keep them under
/// <c>/model_weights</c>, <c>save_weights</c> files at the root; either way <c>layer_names</c> lists the layer
/// groups and each group's <c>weight_names</c> lists its datasets by relative path. Shapes come from metadata only.
/// </summary>
public sealed class KerasH5Reader : IModelReader
{
    public ModelFormat Format => ModelFormat.KerasH5;

    /// <summary>
    /// The file's weights with its own <c>model_config</c>, or with the config given beside it. A Keras 3 weights store
    /// (told apart by <see cref="FormatDetector"/> once the snapshot is read) goes to <see cref="Keras3WeightsReader"/>.
    /// </summary>
    /// <exception cref="KerasInspectException">The file or the config cannot be read.</exception>
    public ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        var snapshot = H5File.ReadSnapshot(path);
        if (FormatDetector.Identify(snapshot) == ModelFormat.Keras3WeightsH5)
        {
            return Keras3WeightsReader.Read(snapshot, path, request.ConfigPath);
        }

        var file = Read(snapshot);
        var config = request.ConfigPath is not null ? KerasJsonModelReader.ReadFile(request.ConfigPath)
            : file.ModelConfig is { } json ? KerasJsonModelReader.FromJson(json, $"{path}: model_config", file.Weights.KerasVersion)
            : null;
        return new ModelContents(path, file.Weights.Format, file.Weights.KerasVersion ?? config?.KerasVersion, config?.Model, file.Weights, file.OptimizerTensors, config?.Findings ?? []);
    }

    /// <exception cref="Hdf5FormatException">The file is not readable HDF5.</exception>
    /// <exception cref="ModelFormatException">The file is HDF5 but not laid out as a Keras model or weights file.</exception>
    public static KerasH5File ReadFile(string path) => Read(H5File.ReadSnapshot(path));

    /// <exception cref="ModelFormatException">The snapshot is not laid out as a Keras model or weights file.</exception>
    public static KerasH5File Read(H5Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var weights = FromSnapshot(snapshot);
        return new KerasH5File(weights, KerasAttributes.String(snapshot.File, snapshot.Root, "model_config"), OptimizerTensors(snapshot));
    }

    /// <exception cref="Hdf5FormatException">The file is not readable HDF5.</exception>
    /// <exception cref="ModelFormatException">The file is HDF5 but not laid out as a Keras model or weights file.</exception>
    public static StoredWeights ReadWeights(string path) => ReadFile(path).Weights;

    internal static StoredWeights FromSnapshot(H5Snapshot snapshot)
    {
        var file = snapshot.File;
        var isFullModel = snapshot.Root.Child("model_weights") is H5Group;
        var weightsRoot = snapshot.Root.Child("model_weights") as H5Group ?? snapshot.Root;
        var layerNames = KerasAttributes.StringList(file, weightsRoot, "layer_names")
            ?? throw new ModelFormatException(
                "no 'layer_names' attribute: this HDF5 file is not a Keras model or weights file",
                new SourceLocation(file, weightsRoot.Path));

        var layers = layerNames.Select(name => ReadLayer(file, snapshot, weightsRoot, name)).ToList();
        var version = RootOrWeightsString(file, snapshot.Root, weightsRoot, "keras_version");
        return new StoredWeights(
            file,
            FormatNames.KerasH5(version, isFullModel),
            version,
            RootOrWeightsString(file, snapshot.Root, weightsRoot, "backend"),
            layers);
    }

    private static StoredLayer ReadLayer(string file, H5Snapshot snapshot, H5Group weightsRoot, string name)
    {
        // A name with '/' (a TensorFlow name scope, dense_1/xxx/yyy) is a path of nested groups in HDF5.
        var group = (weightsRoot.Child(name) ?? (name.Contains('/', StringComparison.Ordinal) ? snapshot.Find($"{weightsRoot.Path.TrimEnd('/')}/{name}") : null)) as H5Group
            ?? throw new ModelFormatException($"layer '{name}' is listed in layer_names but has no group", new SourceLocation(file, weightsRoot.Path));
        var weightNames = KerasAttributes.StringList(file, group, "weight_names") ?? [];
        var tensors = weightNames.Select(weight =>
        {
            var dataset = snapshot.Find($"{group.Path}/{weight}") as H5Dataset
                ?? throw new ModelFormatException(
                    $"weight '{weight}' is listed in weight_names but is not a dataset in the file",
                    new SourceLocation(file, group.Path));
            // A null dataspace holds no elements: shape (0,) says so and counts nothing.
            return new StoredTensor(name, weight, dataset.Path, dataset.Shape ?? [0], dataset.ElementType.Name);
        });
        return new StoredLayer(name, [.. tensors]);
    }

    /// <summary>Datasets under <c>/optimizer_weights</c>: optimizer state, reported apart and never counted.</summary>
    private static int OptimizerTensors(H5Snapshot snapshot) =>
        snapshot.Root.Child("optimizer_weights") is H5Group optimizer
            ? new H5Snapshot(snapshot.File, snapshot.SuperblockVersion, optimizer).Walk().Count(n => n is H5Dataset)
            : 0;

    private static string? RootOrWeightsString(string file, H5Group root, H5Group weightsRoot, string name) =>
        KerasAttributes.String(file, root, name) ?? KerasAttributes.String(file, weightsRoot, name);
}
