using KerasInspect.Core;
using KerasInspect.Readers;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Reports;

namespace KerasInspect.Cli;

/// <summary>The command line: parses arguments, runs a command, and turns every outcome into an exit code.</summary>
internal static class CliApp
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Count == 0)
        {
            errors.WriteLine(HelpText.Usage);
            return ExitCode.Usage;
        }

        switch (args[0])
        {
            case "-h" or "--help" or "help":
                output.WriteLine(HelpText.Usage);
                return ExitCode.Clean;
            case "--version":
                output.WriteLine(HelpText.Version);
                return ExitCode.Clean;
            case "inspect":
                return Inspect(args.Skip(1).ToList(), output, errors);
            default:
                errors.WriteLine($"kerasinspect: unknown command '{args[0]}'. Run 'kerasinspect --help' for the commands.");
                return ExitCode.Usage;
        }
    }

    private static int Inspect(List<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Contains("-h") || args.Contains("--help"))
        {
            output.WriteLine(HelpText.InspectUsage);
            return ExitCode.Clean;
        }

        var verbose = args.Remove("--verbose");
        if (args.FirstOrDefault(a => a.StartsWith('-')) is { } unknown)
        {
            errors.WriteLine($"kerasinspect inspect: unknown option '{unknown}'. Run 'kerasinspect inspect --help'.");
            return ExitCode.Usage;
        }

        if (args.Count == 0)
        {
            errors.WriteLine("kerasinspect inspect: no FILE given. Run 'kerasinspect inspect --help'.");
            return ExitCode.Usage;
        }

        var exitCode = ExitCode.Clean;
        var listed = 0;
        foreach (var path in args)
        {
            var code = InspectFile(path, verbose, listed > 0 ? "\n" : "", output, errors);
            listed += code == ExitCode.Clean ? 1 : 0;
            exitCode = Math.Max(exitCode, code);
        }

        return exitCode;
    }

    private static string? UnsupportedKind(FileKind kind) => kind switch
    {
        FileKind.Zip => "a zip archive (a Keras 3 .keras file?); reading .keras archives is not supported yet",
        FileKind.Json => "a JSON file (model.to_json() or TF.js model.json?); reading JSON models is not supported yet",
        FileKind.Unknown => "not a Keras model file: neither HDF5, a zip archive nor JSON",
        _ => null,
    };

    private static int InspectFile(string path, bool verbose, string separator, TextWriter output, TextWriter errors)
    {
        try
        {
            if (UnsupportedKind(FormatDetector.Detect(path)) is { } notYet)
            {
                errors.WriteLine($"error: {path}: {notYet}");
                return ExitCode.Unreadable;
            }

            var weights = KerasH5Reader.ReadWeights(path);
            output.Write(separator);
            StoredWeightsTableWriter.Write(weights, output);
            return ExitCode.Clean;
        }
        catch (KerasInspectException error)
        {
            errors.WriteLine($"error: {error.Message}");
            return ExitCode.Unreadable;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.WriteLine($"error: {path}: no such file");
            return ExitCode.Unreadable;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {path}: cannot be read: {error.Message}");
            return ExitCode.Unreadable;
        }
#pragma warning disable CA1031 // the one place every unexpected failure becomes exit code 70 instead of a crash
        catch (Exception error)
#pragma warning restore CA1031
        {
            errors.WriteLine($"internal error while reading {path}: {error.GetType().Name}: {error.Message}");
            errors.WriteLine(verbose ? error.ToString() : "This is a bug in kerasinspect; rerun with --verbose for the stack trace.");
            return ExitCode.Internal;
        }
    }
}
