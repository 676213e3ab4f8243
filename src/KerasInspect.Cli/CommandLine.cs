namespace KerasInspect.Cli;

/// <summary>
/// The arguments of one command: positional values, options that take a value (<c>--format json</c> or
/// <c>--format=json</c>) and flags. Anything not declared is a usage error.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    public static CommandLine Parse(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var positional = new List<string>();
        var line = new CommandLine(positional);
        using var arg = args.GetEnumerator();
        var onlyPositional = false;
        while (arg.MoveNext())
        {
            var current = arg.Current;
            if (onlyPositional || !current.StartsWith('-') || current == "-")
            {
                positional.Add(current);
                continue;
            }

            if (current == "--")
            {
                onlyPositional = true;
                continue;
            }

            var equals = current.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? current[..equals] : current;
            if (flagOptions.Contains(name) && equals < 0)
            {
                line._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = current[(equals + 1)..];
                }
                else if (arg.MoveNext())
                {
                    value = arg.Current;
                }
                else
                {
                    throw new UsageException($"option '{name}' needs a value");
                }

                if (!line._values.TryAdd(name, value))
                {
                    throw new UsageException($"option '{name}' is given twice");
                }
            }
            else
            {
                throw new UsageException($"unknown option '{name}'");
            }
        }

        return line;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>The option's value, which must be one of <paramref name="allowed"/>; <paramref name="fallback"/> when absent.</summary>
    public string Choice(string option, string fallback, params string[] allowed)
    {
        var value = Value(option) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"'{value}' is not a valid {option}; use one of: {string.Join(", ", allowed)}");
    }
}
