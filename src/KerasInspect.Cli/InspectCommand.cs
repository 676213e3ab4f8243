using KerasInspect.Core.Audit;
using KerasInspect.Core.Reading;
using KerasInspect.Readers;
using KerasInspect.Reports;
using KerasInspect.Reports.Csv;

namespace KerasInspect.Cli;

/// <summary>
/// <c>kerasinspect inspect INPUT…</c>: finds the model files, audits them in parallel, writes the report in the chosen
/// format and returns the exit code (the highest that applies).
/// </summary>
internal static class InspectCommand
{
    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter errors, CliEnvironment environment)
    {
        if (InspectOptions.Parse(args) is not { } options)
        {
            output.WriteLine(HelpText.InspectUsage);
            return ExitCode.Clean;
        }

        var statistics = environment.ShowStatistics ? new RunStatistics() : null;
        var (files, missing) = InputFinder.Expand(options.Inputs);
        statistics?.EndPhase("find");
        var reports = BatchAuditor.Run(files, options.ConfigPath, options.WeightsPath, environment, errors)
            .Concat(missing.Select(m => FileReport.Failed(m, FormatNames.Unknown, new FileError("KI3002", $"{m}: no such file, folder or matching pattern"))))
            .Select(options.Policy.Apply)
            .ToList();
        statistics?.EndPhase("audit");

        var exitCode = ExitCodeOf(reports, options.Policy);
        foreach (var failed in reports.Where(r => r.Error is not null))
        {
            errors.WriteLine($"error: {ErrorLine.Escape(failed.Error!.Message)}");
            if (failed.Error.StackTrace is { } trace)
            {
                errors.WriteLine(options.Verbose ? trace : "This is a bug in kerasinspect; rerun with --verbose for the stack trace.");
            }
        }

        if (reports.Count == 0)
        {
            errors.WriteLine("kerasinspect inspect: no model files found in the given folders");
            return ExitCode.Unreadable;
        }

        var summary = RunSummary.Of(reports, options.Policy, options.FailOn, exitCode);
        try
        {
            WriteReport(reports, summary, options, output, environment);
            if (options.SummaryCsv is { } summaryPath)
            {
                using var writer = new StreamWriter(summaryPath);
                new SummaryCsvWriter().Write(new ReportSet(reports, summary), writer, new ReportOptions());
            }

            if (statistics is not null)
            {
                output.Flush(); // the report's writing belongs to the phase, not only its formatting
                statistics.EndPhase("report");
                statistics.WriteTo(errors);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot write the report: {error.Message}");
            return Math.Max(exitCode, ExitCode.Environment);
        }

        return exitCode;
    }

    /// <summary>3 for an unreadable input, 70 for a bug, 1 for findings at or above --fail-on; the highest wins.</summary>
    private static int ExitCodeOf(IReadOnlyList<FileReport> reports, AuditPolicy policy) =>
        reports.Select(r => r.Error switch
        {
            { Code: BatchAuditor.InternalErrorCode } => ExitCode.Internal,
            not null => ExitCode.Unreadable,
            _ => policy.Fails(r) ? ExitCode.Findings : ExitCode.Clean,
        }).DefaultIfEmpty(ExitCode.Clean).Max();

    private static void WriteReport(List<FileReport> reports, RunSummary summary, InspectOptions options, TextWriter console, CliEnvironment environment)
    {
        using var file = options.Output is { } path ? new StreamWriter(path) : null;
        var output = file ?? console;
        var rich = file is null && environment.RichOutput;
        ReportWriters.For(options.Format).Write(new ReportSet(reports, summary), output, new ReportOptions(options.Explain, rich));
    }
}
