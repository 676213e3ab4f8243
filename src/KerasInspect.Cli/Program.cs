using System.Text;

namespace KerasInspect.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // Console.Out flushes on every write; a report of thousands of files would cost a system call per token.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var code = CliApp.Run(args, output, Console.Error, CliEnvironment.FromProcess());
        output.Flush();
        return code;
    }
}
