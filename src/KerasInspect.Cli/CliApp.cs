namespace KerasInspect.Cli;

/// <summary>The command line: picks the command and turns usage errors into exit code 2.</summary>
internal static class CliApp
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors) =>
        Run(args, output, errors, CliEnvironment.Plain);

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CliEnvironment environment)
    {
        if (args.Count == 0)
        {
            errors.WriteLine(HelpText.Usage);
            return ExitCode.Usage;
        }

        var command = args[0];
        try
        {
            switch (command)
            {
                case "-h" or "--help" or "help":
                    output.WriteLine(HelpText.Usage);
                    return ExitCode.Clean;
                case "--version":
                    output.WriteLine(HelpText.Version);
                    return ExitCode.Clean;
                case "inspect":
                    return InspectCommand.Run(args.Skip(1), output, errors, environment);
                case "diff":
                    return DiffCommand.Run(args.Skip(1), output, errors, environment);
                case "calc":
                    return CalcCommand.Run(args.Skip(1), output, errors);
                case "h5dump":
                    return H5DumpCommand.Run(args.Skip(1), output, errors);
                default:
                    errors.WriteLine($"kerasinspect: unknown command '{command}'. Run 'kerasinspect --help' for the commands.");
                    return ExitCode.Usage;
            }
        }
        catch (UsageException error)
        {
            errors.WriteLine($"kerasinspect {command}: {error.Message}. Run 'kerasinspect {command} --help'.");
            return ExitCode.Usage;
        }
    }
}
