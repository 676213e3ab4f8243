using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;

namespace KerasInspect.Cli;

/// <summary>The options of <c>inspect</c>, validated: anything wrong is a <see cref="UsageException"/> before any file is read.</summary>
internal sealed record InspectOptions(
    IReadOnlyList<string> Inputs,
    string Format,
    string? Output,
    string? SummaryCsv,
    string? ConfigPath,
    string? WeightsPath,
    string FailOn,
    AuditPolicy Policy,
    bool Explain,
    bool Verbose)
{
    private static readonly HashSet<string> ValueOptions = ["--format", "--config", "--weights", "--output", "-o", "--summary-csv", "--fail-on", "--max-params", "--max-layer-params"];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help", "--verbose", "--explain"];

    public static InspectOptions? Parse(IEnumerable<string> args)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("-h") || line.Has("--help"))
        {
            return null;
        }

        if (line.Positional.Count == 0)
        {
            throw new UsageException("no FILE, folder or pattern given");
        }

        var failOn = line.Choice("--fail-on", "mismatch", "mismatch", "unverified", "unsafe", "none");
        var threshold = failOn switch
        {
            "unverified" => DiagnosticSeverity.Unverified,
            "unsafe" => DiagnosticSeverity.Unsafe,
            "none" => (DiagnosticSeverity?)null,
            _ => DiagnosticSeverity.Mismatch,
        };
        var configPath = line.Value("--config");
        var weightsPath = line.Value("--weights");
        if ((configPath is not null || weightsPath is not null) && line.Positional.Count > 1)
        {
            throw new UsageException($"{(configPath is not null ? "--config" : "--weights")} pairs one architecture with one weights file; give a single FILE");
        }

        return new InspectOptions(
            line.Positional,
            line.Choice("--format", "table", "table", "csv", "json", "markdown"),
            line.Value("--output") ?? line.Value("-o"),
            line.Value("--summary-csv"),
            configPath,
            weightsPath,
            failOn,
            new AuditPolicy(threshold, Count(line, "--max-params"), Count(line, "--max-layer-params")),
            line.Has("--explain"),
            line.Has("--verbose"));
    }

    private static long? Count(CommandLine line, string option) =>
        line.Value(option) is not { } text ? null
        : CountOption.Parse(text) ?? throw new UsageException($"{option} '{text}' is not a count such as 200000, 200k or 1.5M");
}
