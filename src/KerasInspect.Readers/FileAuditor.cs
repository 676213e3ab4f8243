using KerasInspect.Core;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Reading;

namespace KerasInspect.Readers;

/// <summary>
/// Audits one input, whatever its format: <see cref="ModelReaders"/> reads it, <see cref="ModelAuditor"/> audits what it
/// holds. Unreadable input throws; everything else is in the report.
/// </summary>
public static class FileAuditor
{
    /// <param name="configPath">An architecture JSON to use instead of the file's own config (weights-only files).</param>
    /// <param name="weightsPath">For a config JSON: the weights file to cross-check it with.</param>
    /// <exception cref="KerasInspectException">The input (or the config) cannot be read.</exception>
    public static FileReport Audit(string path, string? configPath = null, string? weightsPath = null) =>
        ModelAuditor.Audit(ModelReaders.Read(new ReadRequest(path, configPath, weightsPath)));
}
