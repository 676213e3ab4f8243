using KerasInspect.Core;
using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Readers.Json;
using KerasInspect.Readers.Keras3;
using KerasInspect.Readers.Tfjs;

namespace KerasInspect.Readers;

/// <summary>
/// Audits one input, whatever its format: recognises it by content, reads its config and stored weights, infers the
/// expected tensors and cross-checks them. Unreadable input throws; everything else is in the report.
/// </summary>
public static class FileAuditor
{
    /// <param name="configPath">An architecture JSON to use instead of the file's own config (weights-only files).</param>
    /// <param name="weightsPath">For a config JSON: the weights file to cross-check it with.</param>
    /// <exception cref="KerasInspectException">The input (or the config) cannot be read.</exception>
    public static FileReport Audit(string path, string? configPath = null, string? weightsPath = null)
    {
        switch (FormatDetector.Detect(path))
        {
            case FileKind.Json:
                var json = JsonConfigLoader.Parse(KerasJsonModelReader.ReadText(path), path);
                if (json["modelTopology"] is not null)
                {
                    return TfjsModelReader.Audit(path, json);
                }

                if (weightsPath is not null)
                {
                    return AuditHdf5(weightsPath, path);
                }

                var config = KerasJsonModelReader.FromConfig(json, path);
                return WithConfigFindings(ConfigOnlyAudit.Build(path, "model-json", config.KerasVersion, ModelAnalyzer.Default.Analyze(config.Model)), config);
            case FileKind.Hdf5:
                return AuditHdf5(path, configPath);
            case FileKind.Zip:
                return KerasArchiveReader.Audit(path);
            default:
                throw new ModelFormatException("not a Keras model file: neither HDF5, a zip archive nor JSON", new SourceLocation(path));
        }
    }

    private static FileReport AuditHdf5(string path, string? configPath)
    {
        var snapshot = H5File.ReadSnapshot(path);
        if (!KerasH5Reader.IsLegacyLayout(snapshot) && Keras3WeightsMapper.IsWeightsStore(snapshot))
        {
            return AuditKeras3Weights(path, snapshot, configPath);
        }

        var file = KerasH5Reader.Read(snapshot);
        var config = configPath is not null ? KerasJsonModelReader.ReadFile(configPath)
            : file.ModelConfig is { } json ? KerasJsonModelReader.FromJson(json, $"{path}: model_config", file.Weights.KerasVersion)
            : null;
        var analysis = config is null ? null : ModelAnalyzer.Default.Analyze(config.Model);
        var weights = config is null ? file.Weights : Keras1TensorRoles.Apply(file.Weights, config.Model);
        var report = CrossCheck.Build(path, weights.Format, weights.KerasVersion ?? config?.KerasVersion, analysis, weights, file.OptimizerTensors);
        return config is null ? report : WithConfigFindings(report, config);
    }

    private static FileReport WithConfigFindings(FileReport report, KerasModelConfig config) =>
        config.Findings.Count == 0 ? report : report with { Findings = [.. config.Findings, .. report.Findings] };

    /// <summary>A bare Keras 3 <c>*.weights.h5</c> (<c>save_weights</c>): only a config given with --config names its groups.</summary>
    private static FileReport AuditKeras3Weights(string path, H5Snapshot snapshot, string? configPath)
    {
        const string Format = "keras3-weights-h5";
        var report = AuditKeras3Weights(path, snapshot, configPath, Format);
        return Keras3WeightsMapper.HasBackslashNames(snapshot) ? report with { Findings = [.. report.Findings, Findings.WindowsGroupNames()] } : report;
    }

    private static FileReport AuditKeras3Weights(string path, H5Snapshot snapshot, string? configPath, string format)
    {
        if (configPath is null)
        {
            var listed = new StoredWeights(path, format, null, null, Keras3WeightsMapper.ListGroups(snapshot));
            return CrossCheck.Build(path, format, null, null, listed, null);
        }

        var config = KerasJsonModelReader.ReadFile(configPath);
        var (layers, optimizer) = Keras3WeightsMapper.Map(snapshot, config.Model);
        var stored = new StoredWeights(path, format, config.KerasVersion, null, layers);
        return CrossCheck.Build(path, format, config.KerasVersion, ModelAnalyzer.Default.Analyze(config.Model), stored, optimizer);
    }
}
