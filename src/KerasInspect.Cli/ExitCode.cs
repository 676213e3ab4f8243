namespace KerasInspect.Cli;

/// <summary>The process exit codes, documented in the README and in <c>--help</c>. When several apply, the highest wins.</summary>
internal static class ExitCode
{
    /// <summary>Every input read; no finding at or above the failure threshold.</summary>
    public const int Clean = 0;

    /// <summary>Audit findings at or above the failure threshold.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments.</summary>
    public const int Usage = 2;

    /// <summary>At least one input is unreadable or unsupported.</summary>
    public const int Unreadable = 3;

    /// <summary>An environment problem, such as an output that cannot be written.</summary>
    public const int Environment = 4;

    /// <summary>A bug in KerasInspect.</summary>
    public const int Internal = 70;
}
