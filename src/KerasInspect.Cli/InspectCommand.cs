using KerasInspect.Core;
using KerasInspect.Core.Analysis;
using KerasInspect.Core.Audit;
using KerasInspect.Readers;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Readers.Json;
using KerasInspect.Reports;
using KerasInspect.Reports.Json;
using KerasInspect.Reports.Text;

namespace KerasInspect.Cli;

/// <summary><c>kerasinspect inspect FILE…</c>: reads each file and reports it; an unreadable file never stops the others.</summary>
internal static class InspectCommand
{
    private static readonly HashSet<string> ValueOptions = ["--format"];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help", "--verbose"];

    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter errors)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("-h") || line.Has("--help"))
        {
            output.WriteLine(HelpText.InspectUsage);
            return ExitCode.Clean;
        }

        var format = line.Choice("--format", "table", "table", "json");
        if (line.Positional.Count == 0)
        {
            throw new UsageException("no FILE given");
        }

        var exitCode = ExitCode.Clean;
        var reports = new List<FileReport>();
        foreach (var path in line.Positional)
        {
            var separator = reports.Any(r => r.Error is null) ? "\n" : "";
            var (report, code) = InspectFile(path, format, line.Has("--verbose"), separator, output, errors);
            exitCode = Math.Max(exitCode, code);
            if (report is not null)
            {
                reports.Add(report);
            }
        }

        if (format == "json")
        {
            JsonReportWriter.Write(reports, output);
        }

        return exitCode;
    }

    private static (FileReport? Report, int Code) InspectFile(string path, string format, bool verbose, string separator, TextWriter output, TextWriter errors)
    {
        try
        {
            switch (FormatDetector.Detect(path))
            {
                case FileKind.Json:
                    var config = KerasJsonModelReader.ReadFile(path);
                    var report = ConfigOnlyAudit.Build(path, "keras-json", config.KerasVersion, ModelAnalyzer.Default.Analyze(config.Model));
                    if (format == "table")
                    {
                        output.Write(separator);
                        output.WriteLine($"{path}: Keras model config (JSON){Version(config.KerasVersion)}; no weights to compare");
                        output.WriteLine();
                        LayerTableWriter.Write(report, output, showVerdict: true);
                    }

                    return (report, ExitCode.Clean);
                case FileKind.Hdf5 when format == "table":
                    var weights = KerasH5Reader.ReadWeights(path);
                    output.Write(separator);
                    StoredWeightsTableWriter.Write(weights, output);
                    return (new FileReport(path, weights.Format, weights.KerasVersion), ExitCode.Clean);
                case FileKind.Hdf5:
                    return Unreadable(path, "hdf5", "HDF5 files can be listed as a table; their JSON report comes with the cross-check against the config", errors);
                case FileKind.Zip:
                    return Unreadable(path, "zip", "a zip archive (a Keras 3 .keras file?); reading .keras archives is not supported yet", errors);
                default:
                    return Unreadable(path, "unknown", "not a Keras model file: neither HDF5, a zip archive nor JSON", errors);
            }
        }
        catch (KerasInspectException error)
        {
            errors.WriteLine($"error: {error.Message}");
            return (FileReport.Failed(path, "unknown", new FileError("KI3001", error.Message)), ExitCode.Unreadable);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Unreadable(path, "unknown", "no such file", errors, "KI3002");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, "unknown", $"cannot be read: {error.Message}", errors, "KI3002");
        }
#pragma warning disable CA1031 // the one place every unexpected failure becomes exit code 70 instead of a crash
        catch (Exception error)
#pragma warning restore CA1031
        {
            errors.WriteLine($"internal error while reading {path}: {error.GetType().Name}: {error.Message}");
            errors.WriteLine(verbose ? error.ToString() : "This is a bug in kerasinspect; rerun with --verbose for the stack trace.");
            return (FileReport.Failed(path, "unknown", new FileError("KI9000", $"internal error: {error.Message}")), ExitCode.Internal);
        }
    }

    private static (FileReport, int) Unreadable(string path, string format, string message, TextWriter errors, string code = "KI3001")
    {
        errors.WriteLine($"error: {path}: {message}");
        return (FileReport.Failed(path, format, new FileError(code, $"{path}: {message}")), ExitCode.Unreadable);
    }

    private static string Version(string? version) => version is null ? "" : $", Keras {version}";
}
