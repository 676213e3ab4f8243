namespace KerasInspect.Readers.Calc;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Symbol,
    End,
}

/// <summary>One token of a layer expression and where it starts.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position);
