using KerasInspect.Core;
using KerasInspect.Core.Audit;
using KerasInspect.Readers;
using KerasInspect.Reports.Json;
using KerasInspect.Reports.Text;

namespace KerasInspect.Cli;

/// <summary><c>kerasinspect inspect FILE…</c>: audits each file; an unreadable file never stops the others.</summary>
internal static class InspectCommand
{
    private static readonly HashSet<string> ValueOptions = ["--format", "--config"];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help", "--verbose", "--explain"];

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

        var configPath = line.Value("--config");
        if (configPath is not null && line.Positional.Count > 1)
        {
            throw new UsageException("--config pairs one architecture with one weights file; give a single FILE");
        }

        var reports = new List<FileReport>();
        var exitCode = ExitCode.Clean;
        foreach (var path in line.Positional)
        {
            var (report, code) = Audit(path, configPath, line.Has("--verbose"), errors);
            reports.Add(report);
            exitCode = Math.Max(exitCode, code);
            if (format == "table" && report.Error is null)
            {
                if (reports.Count(r => r.Error is null) > 1)
                {
                    output.WriteLine();
                }

                WriteTable(report, line.Has("--explain"), output);
            }
        }

        if (format == "json")
        {
            JsonReportWriter.Write(reports, output);
        }

        return exitCode;
    }

    private static (FileReport Report, int Code) Audit(string path, string? configPath, bool verbose, TextWriter errors)
    {
        try
        {
            var report = FileAuditor.Audit(path, configPath);
            return (report, report.HasDisagreement ? ExitCode.Findings : ExitCode.Clean);
        }
        catch (KerasInspectException error)
        {
            return Failed(path, "KI3001", error.Message, errors);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            var missing = error is FileNotFoundException { FileName: { } name } ? name : path;
            return Failed(path, "KI3002", $"{missing}: no such file", errors);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "KI3002", $"{path}: cannot be read: {error.Message}", errors);
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

    private static (FileReport, int) Failed(string path, string code, string message, TextWriter errors)
    {
        errors.WriteLine($"error: {message}");
        return (FileReport.Failed(path, "unknown", new FileError(code, message)), ExitCode.Unreadable);
    }

    private static void WriteTable(FileReport report, bool explain, TextWriter output)
    {
        var facts = new List<string> { report.Format };
        if (report.KerasVersion is { } version)
        {
            facts.Add($"Keras {version}");
        }

        var configOnly = report.StoredParams is null;
        facts.Add(configOnly ? "config only: no weights to compare" : report.Layers.All(l => l.Expected is null) ? "no config: weights listed, not verified" : "config and weights cross-checked");
        output.WriteLine($"{report.Path}: {string.Join(", ", facts)}");
        output.WriteLine();
        LayerTableWriter.Write(report, output, configOnly ? TableStyle.Config : TableStyle.CrossCheck, explain);
    }
}
