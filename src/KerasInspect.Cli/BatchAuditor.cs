using KerasInspect.Core;
using KerasInspect.Core.Audit;
using KerasInspect.Core.Reading;
using KerasInspect.Readers;
using Spectre.Console;

namespace KerasInspect.Cli;

/// <summary>
/// Audits many files in parallel and returns the reports in input order (sorted by path). Every failure of one file
/// becomes that file's error report; nothing stops the others.
/// </summary>
internal static class BatchAuditor
{
    public static FileReport[] Run(IReadOnlyList<string> files, string? configPath, string? weightsPath, CliEnvironment environment, TextWriter errors)
    {
        var reports = new FileReport[files.Count];
        void AuditAll(Action advance) =>
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                reports[i] = AuditOne(files[i], configPath, weightsPath);
                advance();
            });

        if (environment.ShowProgress(files.Count))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(errors) });
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("auditing", maxValue: files.Count);
                AuditAll(() => task.Increment(1));
            });
        }
        else
        {
            AuditAll(() => { });
        }

        return reports;
    }

    /// <summary>The error code of a bug in KerasInspect (exit code 70).</summary>
    public const string InternalErrorCode = "KI9000";

    public static FileReport AuditOne(string path, string? configPath, string? weightsPath)
    {
        try
        {
            return FileAuditor.Audit(path, configPath, weightsPath);
        }
        catch (KerasInspectException error)
        {
            return Failed(path, "KI3001", error.Message);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, "KI3002", $"{(error as FileNotFoundException)?.FileName ?? path}: no such file");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "KI3002", $"{path}: cannot be read: {error.Message}");
        }
#pragma warning disable CA1031 // the one place every unexpected failure becomes exit code 70 instead of a crash
        catch (Exception error)
#pragma warning restore CA1031
        {
            return FileReport.Failed(path, FormatNames.Unknown, new FileError(InternalErrorCode, $"{path}: internal error: {error.GetType().Name}: {error.Message}")
            {
                StackTrace = error.ToString(),
            });
        }
    }

    private static FileReport Failed(string path, string code, string message) =>
        FileReport.Failed(path, FormatNames.Unknown, new FileError(code, message));
}
