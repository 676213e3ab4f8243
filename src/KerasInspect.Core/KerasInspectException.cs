namespace KerasInspect.Core;

/// <summary>
/// The root of every error KerasInspect raises for an input it cannot read further.
/// The message always starts with the location, so one line tells the user what and where.
/// </summary>
public class KerasInspectException : Exception
{
    public KerasInspectException(string message, SourceLocation where, Exception? inner = null)
        : base($"{where}: {message}", inner)
    {
        Where = where;
        Reason = message;
    }

    /// <summary>The file and place the problem was found.</summary>
    public SourceLocation Where { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
