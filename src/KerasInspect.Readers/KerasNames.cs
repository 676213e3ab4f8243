using System.Text.RegularExpressions;

namespace KerasInspect.Readers;

/// <summary>Keras' own naming: class names in snake case, as it names layers and the groups of a weights file.</summary>
public static partial class KerasNames
{
    /// <summary><c>Conv2D</c> → <c>conv2d</c>, <c>SimpleRNN</c> → <c>simple_rnn</c>, <c>PReLU</c> → <c>p_re_lu</c>, <c>ConvLSTM2D</c> → <c>conv_lstm2d</c>.</summary>
    public static string SnakeCase(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        var words = LowerToUpper().Replace(WordStart().Replace(NonWord().Replace(className, ""), "$1_$2"), "$1_$2");
        return words.ToLowerInvariant();
    }

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerToUpper();
}
