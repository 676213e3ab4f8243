namespace KerasInspect.Core.Audit;

/// <summary>Why an input could not be read: a stable code and the one-line message (which names the file and place).</summary>
public sealed record FileError(string Code, string Message)
{
    /// <summary>For an internal error only: the stack trace, shown with <c>--verbose</c>, never in reports.</summary>
    public string? StackTrace { get; init; }
}
