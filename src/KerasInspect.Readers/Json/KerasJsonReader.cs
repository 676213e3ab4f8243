using KerasInspect.Core;
using KerasInspect.Core.Reading;
using KerasInspect.Readers.Hdf5;

namespace KerasInspect.Readers.Json;

/// <summary>
/// A Keras model config as a JSON file (<c>model.to_json()</c>, an architecture file): the config alone, or with the
/// HDF5 weights given by --weights, read as that file with this config.
/// </summary>
public sealed class KerasJsonReader : IModelReader
{
    public ModelFormat Format => ModelFormat.KerasJson;

    /// <exception cref="KerasInspectException">The JSON (or the weights file) cannot be read.</exception>
    public ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        var json = JsonConfigLoader.Parse(KerasJsonModelReader.ReadText(path), path);
        if (request.WeightsPath is { } weights)
        {
            return new KerasH5Reader().Read(new ReadRequest(weights, ConfigPath: path));
        }

        var config = KerasJsonModelReader.FromConfig(json, path);
        return ModelContents.ConfigOnly(path, FormatNames.KerasJson, config.KerasVersion, config.Model) with { Findings = config.Findings };
    }
}
