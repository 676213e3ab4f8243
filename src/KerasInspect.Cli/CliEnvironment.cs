namespace KerasInspect.Cli;

/// <summary>
/// What the process runs in: whether stdout and stderr are terminals, <c>NO_COLOR</c>, <c>CI</c>,
/// <c>KERASINSPECT_STATS</c>. Read once in
/// <see cref="Program"/>; tests pass <see cref="Plain"/>, so nothing below depends on the real console.
/// </summary>
internal sealed record CliEnvironment(bool OutputIsTerminal, bool ErrorIsTerminal, bool NoColor, bool IsCi)
{
    public static CliEnvironment Plain { get; } = new(false, false, true, true);

    public static CliEnvironment FromProcess() => new(
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
    {
        ShowStatistics = Environment.GetEnvironmentVariable("KERASINSPECT_STATS") == "1",
    };

    /// <summary>Where an <c>inspect</c> run's time went, on stderr (<see cref="RunStatistics"/>).</summary>
    public bool ShowStatistics { get; init; }

    /// <summary>Colour tables only for a person at a terminal.</summary>
    public bool RichOutput => OutputIsTerminal && !NoColor;

    /// <summary>A progress bar only on a terminal's stderr, never in CI, and only for runs long enough to need one.</summary>
    public bool ShowProgress(int files) => ErrorIsTerminal && !IsCi && files > 5;
}
