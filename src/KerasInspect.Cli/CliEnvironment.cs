namespace KerasInspect.Cli;

/// <summary>
/// What the process runs in: whether stdout and stderr are terminals, <c>NO_COLOR</c>, <c>CI</c>. Read once in
/// <see cref="Program"/>; tests pass <see cref="Plain"/>, so nothing below depends on the real console.
/// </summary>
internal sealed record CliEnvironment(bool OutputIsTerminal, bool ErrorIsTerminal, bool NoColor, bool IsCi)
{
    public static CliEnvironment Plain { get; } = new(false, false, true, true);

    public static CliEnvironment FromProcess() => new(
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Colour tables only for a person at a terminal.</summary>
    public bool RichOutput => OutputIsTerminal && !NoColor;

    /// <summary>A progress bar only on a terminal's stderr, never in CI, and only for runs long enough to need one.</summary>
    public bool ShowProgress(int files) => ErrorIsTerminal && !IsCi && files > 5;
}
