namespace KerasInspect.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would type it.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
