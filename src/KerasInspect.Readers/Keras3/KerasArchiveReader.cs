using System.Text;
using KerasInspect.Core;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Reading;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Json;

namespace KerasInspect.Readers.Keras3;

/// <summary>
/// Reads a Keras 3 <c>.keras</c> archive (keras-file-formats.md §4): <c>config.json</c>, <c>metadata.json</c> and
/// <c>model.weights.h5</c>, which is read in place when stored uncompressed (as Keras writes it) and from memory otherwise,
/// never extracted to disk.
/// </summary>
public sealed class KerasArchiveReader : IModelReader
{
    /// <summary>Largest config.json or metadata.json read.</summary>
    public const long MaxJsonBytes = 64L * 1024 * 1024;

    /// <summary>Largest compressed weights store inflated into memory (uncompressed ones are read in place, any size).</summary>
    public const long MaxInflatedWeightsBytes = 1024L * 1024 * 1024;

    public ModelFormat Format => ModelFormat.KerasArchive;

    /// <exception cref="KerasInspectException">The archive, its config or its weights cannot be read.</exception>
    public ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        var zip = ZipDirectory.Read(path);
        var memberFindings = ArchiveMemberAudit.Find(zip.Entries);

        var version = Entry(zip, "metadata.json") is { } metadata ? MetadataVersion(zip.ReadAll(metadata, MaxJsonBytes), path) : null;
        var configEntry = Entry(zip, "config.json") ?? throw new ModelFormatException("the archive has no config.json: not a Keras 3 model archive", new SourceLocation(path));
        var config = KerasJsonModelReader.FromJson(Encoding.UTF8.GetString(zip.ReadAll(configEntry, MaxJsonBytes)), $"{path}!config.json", version);
        if (Entry(zip, "model.weights.h5") is not { } weightsEntry)
        {
            if (Entry(zip, "model.weights.npz") is null)
            {
                throw new ModelFormatException("the archive has no model.weights.h5", new SourceLocation(path));
            }

            // Weights as a NumPy archive (which may hold pickles) are never opened: the config is audited alone, and
            // the member is an unsafe finding (KI6003) from the member audit.
            return ModelContents.ConfigOnly(path, FormatNames.KerasArchive, version ?? config.KerasVersion, config.Model)
                with
            { Findings = [.. config.Findings, .. memberFindings] };
        }

        var snapshot = ReadWeights(zip, weightsEntry, path);
        var (layers, optimizer) = Keras3WeightsMapper.Map(snapshot, config.Model);
        var stored = new StoredWeights(path, FormatNames.KerasArchive, version ?? config.KerasVersion, null, layers);
        List<Diagnostic> readerFindings = Keras3WeightsMapper.HasBackslashNames(snapshot) ? [Findings.WindowsGroupNames()] : [];
        return new ModelContents(path, FormatNames.KerasArchive, stored.KerasVersion, config.Model, stored, optimizer, [.. config.Findings, .. readerFindings, .. memberFindings]);
    }

    /// <summary>The HDF5 metadata of the archive's <c>model.weights.h5</c>, read as <see cref="Read"/> reads it.</summary>
    /// <exception cref="KerasInspectException">The archive has no such member or it cannot be read.</exception>
    public static H5Snapshot ReadWeightsSnapshot(string path)
    {
        var zip = ZipDirectory.Read(path);
        var entry = Entry(zip, "model.weights.h5") ?? throw new ModelFormatException("the archive has no model.weights.h5", new SourceLocation(path));
        return ReadWeights(zip, entry, path);
    }

    private static H5Snapshot ReadWeights(ZipDirectory zip, ZipEntry entry, string path)
    {
        var name = $"{path}!{entry.Name}";
        if (entry.Method != ZipEntry.Stored && ArchiveMemberAudit.IsBomb(entry))
        {
            throw new ModelFormatException($"'{entry.Name}' compresses {entry.Size / Math.Max(1, entry.CompressedSize)}:1, the ratio of a zip bomb; it is not inflated", new SourceLocation(path));
        }

        return entry.Method == ZipEntry.Stored
            ? H5File.ReadSnapshot(path, zip.DataOffset(entry), entry.Size, name)
            : H5File.ReadSnapshot(zip.ReadAll(entry, MaxInflatedWeightsBytes), name);
    }

    /// <summary>The first member of that name: a duplicate is reported by <see cref="ArchiveMemberAudit"/>.</summary>
    private static ZipEntry? Entry(ZipDirectory zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    private static string? MetadataVersion(byte[] json, string path) =>
        JsonConfigLoader.Parse(Encoding.UTF8.GetString(json), $"{path}!metadata.json")["keras_version"]?.AsString();
}
