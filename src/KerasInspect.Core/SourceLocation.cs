using System.Globalization;

namespace KerasInspect.Core;

/// <summary>Where in an input something was found: the file, a path inside it, and a byte offset or line when known.</summary>
public sealed record SourceLocation(string File, string? InternalPath = null, long? Offset = null, int? Line = null)
{
    public override string ToString()
    {
        var text = InternalPath is null ? File : $"{File}: {InternalPath}";
        if (Offset is { } offset)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (byte {offset})");
        }
        else if (Line is { } line)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (line {line})");
        }

        return text;
    }
}
