using KerasInspect.Core;
using KerasInspect.Core.Reading;
using KerasInspect.Hdf5;
using KerasInspect.Hdf5.Json;
using KerasInspect.Readers;
using KerasInspect.Readers.Keras3;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Cli;

/// <summary>
/// <c>kerasinspect h5dump FILE…</c>: the HDF5 metadata snapshot of each file as JSON, in the shape
/// <c>scripts/h5snapshot.py</c> writes from h5py, so the managed reader can be checked against h5py file by file.
/// For a Keras 3 <c>.keras</c> archive it is the snapshot of its <c>model.weights.h5</c>, read inside the zip.
/// </summary>
internal static class H5DumpCommand
{
    private static readonly HashSet<string> ValueOptions = [];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help", "--batch", "--verbose"];

    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter errors)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("-h") || line.Has("--help"))
        {
            output.WriteLine(HelpText.H5DumpUsage);
            return ExitCode.Clean;
        }

        if (line.Positional.Count == 0)
        {
            throw new UsageException("no files given, e.g. kerasinspect h5dump model.h5");
        }

        var verbose = line.Has("--verbose");
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 1, CloseOutput = false };
        if (line.Positional.Count == 1 && !line.Has("--batch"))
        {
            var dump = Dump(line.Positional[0]);
            if (dump.Snapshot is { } snapshot)
            {
                snapshot.WriteTo(json);
                json.Flush();
                output.WriteLine();
            }

            Report(dump, errors, verbose);
            return dump.ExitCode;
        }

        var exitCode = ExitCode.Clean;
        json.WriteStartObject();
        json.WritePropertyName("files");
        json.WriteStartArray();
        foreach (var path in line.Positional)
        {
            var dump = Dump(path);
            Entry(dump).WriteTo(json);
            json.Flush(); // each file as soon as it is read: a caller can still use the ones before a crash
            Report(dump, errors, verbose);
            exitCode = Math.Max(exitCode, dump.ExitCode);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
        return exitCode;
    }

    private static FileDump Dump(string path)
    {
        try
        {
            var snapshot = FormatDetector.Identify(path) == ModelFormat.KerasArchive ? KerasArchiveReader.ReadWeightsSnapshot(path) : H5File.ReadSnapshot(path);
            return new FileDump(path, H5SnapshotJson.From(snapshot), null);
        }
        catch (Hdf5FormatException error)
        {
            return new FileDump(path, null, new DumpError(error.Reason, error.Offset, error.ObjectPath, error.IsUnsupportedFeature, error.Message, ExitCode.Unreadable));
        }
        catch (KerasInspectException error)
        {
            return new FileDump(path, null, new DumpError(error.Reason, null, null, false, error.Message, ExitCode.Unreadable));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileDump(path, null, new DumpError("no such file", null, null, false, $"{path}: no such file", ExitCode.Unreadable));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var reason = $"cannot be read: {error.Message}";
            return new FileDump(path, null, new DumpError(reason, null, null, false, $"{path}: {reason}", ExitCode.Unreadable));
        }
#pragma warning disable CA1031 // every other failure is a bug: one line and exit code 70, never a crash that loses the other files
        catch (Exception error)
#pragma warning restore CA1031
        {
            var reason = $"internal error: {error.GetType().Name}: {error.Message}";
            return new FileDump(path, null, new DumpError(reason, null, null, false, $"{path}: {reason}", ExitCode.Internal) { StackTrace = error.ToString() });
        }
    }

    private static JObject Entry(FileDump dump) => new(
        new JProperty("path", dump.Path),
        new JProperty("snapshot", dump.Snapshot ?? (JToken)JValue.CreateNull()),
        new JProperty("error", dump.Error is not { } error ? JValue.CreateNull() : new JObject(
            new JProperty("message", error.Message),
            new JProperty("offset", error.Offset),
            new JProperty("objectPath", error.ObjectPath),
            new JProperty("unsupported", error.Unsupported))));

    /// <summary>One stderr line per unreadable file, naming it; a bug adds the hint or, with --verbose, the stack trace.</summary>
    private static void Report(FileDump dump, TextWriter errors, bool verbose)
    {
        if (dump.Error is not { } error)
        {
            return;
        }

        if (error.StackTrace is null)
        {
            errors.WriteLine($"kerasinspect h5dump: {ErrorLine.Escape(error.Line)}");
        }
        else if (verbose)
        {
            errors.WriteLine($"kerasinspect h5dump: {ErrorLine.Escape(error.Line)}");
            errors.WriteLine(error.StackTrace);
        }
        else
        {
            errors.WriteLine($"kerasinspect h5dump: {ErrorLine.Escape(error.Line)} (a bug in kerasinspect; rerun with --verbose for the stack trace)");
        }
    }

    private sealed record FileDump(string Path, JObject? Snapshot, DumpError? Error)
    {
        public int ExitCode => Error?.ExitCode ?? Cli.ExitCode.Clean;
    }

    /// <summary>Why a file was not dumped: the reason, where (when the reader knows), and the line printed on stderr.</summary>
    private sealed record DumpError(string Message, long? Offset, string? ObjectPath, bool Unsupported, string Line, int ExitCode)
    {
        public string? StackTrace { get; init; }
    }
}
