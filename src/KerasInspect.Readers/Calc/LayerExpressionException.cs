namespace KerasInspect.Readers.Calc;

/// <summary>A layer expression given to <c>calc</c> that cannot be understood, with the position of the offending token.</summary>
public sealed class LayerExpressionException(string message, string expression, int position) : Exception(message)
{
    public string Expression { get; } = expression;

    /// <summary>Zero-based character position of the offending token in <see cref="Expression"/>.</summary>
    public int Position { get; } = position;

    /// <summary>Which expression (1-based) on the command line; 0 for <c>--input</c>.</summary>
    public int Index { get; init; }
}
