using KerasInspect.Core.Audit;
using KerasInspect.Core.Diff;
using KerasInspect.Readers;
using KerasInspect.Reports.Diff;

namespace KerasInspect.Cli;

/// <summary>
/// <c>kerasinspect diff OLD NEW</c>: audits both inputs (two files of any formats, or two folders whose model files are
/// paired by relative path), compares them layer by layer, writes the report and returns the exit code of
/// <c>inspect</c>: 3 when an input is unreadable, 1 when a gate fails, the highest winning.
/// </summary>
internal static class DiffCommand
{
    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter errors, CliEnvironment environment)
    {
        if (DiffOptions.Parse(args) is not { } options)
        {
            output.WriteLine(HelpText.DiffUsage);
            return ExitCode.Clean;
        }

        var pairs = Pairs(options.Old, options.New);
        var files = pairs.SelectMany(p => new[] { p.Old, p.New }).OfType<string>().Where(File.Exists).Distinct(StringComparer.Ordinal).ToList();
        var reports = BatchAuditor.Run(files, null, null, environment, errors)
            .Select((report, i) => (files[i], report))
            .ToDictionary(p => p.Item1, p => p.report, StringComparer.Ordinal);
        FileReport? Report(string? path) => path is null ? null
            : reports.TryGetValue(path, out var report) ? report
            : FileReport.Failed(path, "unknown", new FileError("KI3002", $"{path}: no such file or folder"));

        var models = pairs.Select(p => options.Policy.Apply(ModelDiff.Compare(p.Old, p.New, Report(p.Old), Report(p.New)) with
        {
            OldSize = Size(p.Old),
            NewSize = Size(p.New),
        })).ToList();

        foreach (var failed in models.SelectMany(m => new[] { m.Old, m.New }).OfType<FileReport>().Where(r => r.Error is not null).Distinct())
        {
            errors.WriteLine($"error: {ErrorLine.Escape(failed.Error!.Message)}");
            if (failed.Error.StackTrace is { } trace)
            {
                errors.WriteLine(options.Verbose ? trace : "This is a bug in kerasinspect; rerun with --verbose for the stack trace.");
            }
        }

        if (models.Count == 0)
        {
            errors.WriteLine($"kerasinspect diff: no model files found in {options.Old} or {options.New}");
            return ExitCode.Unreadable;
        }

        var exitCode = models.Select(ExitCodeOf).Max();
        var summary = DiffSummary.Of(models, options.FailOn, options.Policy.MaxGrowth?.ToString(), exitCode);
        try
        {
            using var file = options.Output is { } path ? new StreamWriter(path) : null;
            var writer = file ?? output;
            switch (options.Format)
            {
                case "json":
                    DiffJsonWriter.Write(models, summary, writer);
                    break;
                case "csv":
                    DiffCsvWriter.Write(models, writer);
                    break;
                case "markdown":
                    DiffMarkdownWriter.Write(models, summary, writer);
                    break;
                default:
                    DiffTableWriter.Write(models, summary, writer);
                    break;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot write the report: {error.Message}");
            return Math.Max(exitCode, ExitCode.Environment);
        }

        return exitCode;
    }

    private static int ExitCodeOf(ModelDiff model)
    {
        var errors = new[] { model.Old?.Error, model.New?.Error }.OfType<FileError>().ToList();
        return errors.Any(e => e.Code == BatchAuditor.InternalErrorCode) ? ExitCode.Internal
            : errors.Count > 0 ? ExitCode.Unreadable
            : model.Failures.Count > 0 ? ExitCode.Findings
            : ExitCode.Clean;
    }

    /// <summary>
    /// Two files: one pair. Two folders: their model files paired by relative path, a file only one side has as an
    /// added or removed model. A folder against a file stands for the one model file the folder holds.
    /// </summary>
    private static List<(string? Old, string? New)> Pairs(string old, string @new)
    {
        if (Directory.Exists(old) && Directory.Exists(@new))
        {
            var before = ModelFiles(old);
            var after = ModelFiles(@new);
            return [.. before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(relative => (before.GetValueOrDefault(relative), after.GetValueOrDefault(relative)))];
        }

        return [(SingleModel(old), SingleModel(@new))];
    }

    private static Dictionary<string, string> ModelFiles(string folder) =>
        InputFinder.Expand([folder]).Files.ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);

    private static string SingleModel(string path)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }

        var files = InputFinder.Expand([path]).Files;
        return files.Count == 1 ? files[0]
            : throw new UsageException($"{path} is a folder with {files.Count} model files; give two folders to pair them by path, or two files");
    }

    private static long? Size(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : null;
}
