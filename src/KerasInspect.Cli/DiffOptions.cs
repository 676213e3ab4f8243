using KerasInspect.Core.Audit;
using KerasInspect.Core.Diagnostics;
using KerasInspect.Core.Diff;

namespace KerasInspect.Cli;

/// <summary>The options of <c>diff</c>, validated before any file is read.</summary>
internal sealed record DiffOptions(string Old, string New, string Format, string? Output, string FailOn, DiffPolicy Policy, bool Verbose)
{
    private static readonly HashSet<string> ValueOptions = ["--format", "--output", "-o", "--fail-on", "--max-growth"];
    private static readonly HashSet<string> FlagOptions = ["-h", "--help", "--verbose"];
    private static readonly string[] Levels = ["mismatch", "unverified", "unsafe", "none"];

    public static DiffOptions? Parse(IEnumerable<string> args)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        if (line.Has("-h") || line.Has("--help"))
        {
            return null;
        }

        if (line.Positional.Count != 2)
        {
            throw new UsageException(line.Positional.Count < 2 ? "diff needs two inputs, OLD and NEW" : $"diff takes two inputs, OLD and NEW; {line.Positional.Count} given");
        }

        var failOn = (line.Value("--fail-on") ?? "mismatch").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = failOn.FirstOrDefault(f => f != "unsafe-added" && !Levels.Contains(f, StringComparer.Ordinal));
        if (unknown is not null || failOn.Length == 0)
        {
            throw new UsageException($"'{unknown ?? ""}' is not a valid --fail-on; use one of: {string.Join(", ", Levels)}, unsafe-added (or a level and unsafe-added, comma-separated)");
        }

        var levels = failOn.Where(f => f != "unsafe-added").Distinct(StringComparer.Ordinal).ToList();
        if (levels.Count > 1)
        {
            throw new UsageException($"--fail-on takes one level, not {string.Join(" and ", levels)}");
        }

        var level = levels.Count == 1 ? levels[0] : "mismatch";
        var threshold = level switch
        {
            "unverified" => DiagnosticSeverity.Unverified,
            "unsafe" => DiagnosticSeverity.Unsafe,
            "none" => (DiagnosticSeverity?)null,
            _ => DiagnosticSeverity.Mismatch,
        };
        var growth = line.Value("--max-growth") is not { } text ? null
            : GrowthOption.Parse(text) ?? throw new UsageException($"--max-growth '{text}' is neither a percentage such as 10% nor a count such as 50k");
        var unsafeAdded = failOn.Contains("unsafe-added", StringComparer.Ordinal);
        return new DiffOptions(
            line.Positional[0],
            line.Positional[1],
            line.Choice("--format", "table", "table", "markdown", "json", "csv"),
            line.Value("--output") ?? line.Value("-o"),
            unsafeAdded ? $"{level},unsafe-added" : level,
            new DiffPolicy(new AuditPolicy(threshold), unsafeAdded, growth),
            line.Has("--verbose"));
    }
}
