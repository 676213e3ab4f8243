using KerasInspect.Core;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Reading;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// A bare Keras 3 <c>*.weights.h5</c> (<c>save_weights</c>): only a config given with --config names its groups; without
/// one, each group is listed as a layer of its own.
/// </summary>
public sealed class Keras3WeightsReader : IModelReader
{
    public ModelFormat Format => ModelFormat.Keras3WeightsH5;

    /// <exception cref="KerasInspectException">The file or the config cannot be read.</exception>
    public ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Read(H5File.ReadSnapshot(request.Path), request.Path, request.ConfigPath);
    }

    internal static ModelContents Read(H5Snapshot snapshot, string path, string? configPath)
    {
        var contents = ReadStore(snapshot, path, configPath);
        return Keras3WeightsMapper.HasBackslashNames(snapshot) ? contents with { Findings = [.. contents.Findings, Findings.WindowsGroupNames()] } : contents;
    }

    private static ModelContents ReadStore(H5Snapshot snapshot, string path, string? configPath)
    {
        const string Format = FormatNames.Keras3WeightsH5;
        if (configPath is null)
        {
            var listed = new StoredWeights(path, Format, null, null, Keras3WeightsMapper.ListGroups(snapshot));
            return new ModelContents(path, Format, null, null, listed, null, []);
        }

        var config = KerasJsonModelReader.ReadFile(configPath);
        var (layers, optimizer) = Keras3WeightsMapper.Map(snapshot, config.Model);
        var stored = new StoredWeights(path, Format, config.KerasVersion, null, layers);
        return new ModelContents(path, Format, config.KerasVersion, config.Model, stored, optimizer, []);
    }
}
