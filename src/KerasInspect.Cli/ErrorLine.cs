using System.Globalization;
using System.Text;

namespace KerasInspect.Cli;

/// <summary>
/// Error messages quote names read from the file, and a damaged file's names may hold line breaks or terminal escape
/// sequences. Printed through <see cref="Escape"/>, every control character becomes <c>\uXXXX</c>, so one error stays one
/// line and cannot restyle the terminal.
/// </summary>
internal static class ErrorLine
{
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : line.Append(c);
        }

        return line.ToString();
    }
}
