namespace KerasInspect.Readers.Calc;

/// <summary>Splits <c>LSTM(32, return_sequences=True)</c> into identifiers, numbers, quoted strings and <c>( ) [ ] , =</c>.</summary>
internal static class LayerExpressionLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')) || c == '.')
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' || (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new LayerExpressionException("this string has no closing quote", text, start);
                }

                tokens.Add(new Token(TokenKind.String, text[(start + 1)..end], start));
                i = end + 1;
            }
            else if (c is '(' or ')' or '[' or ']' or ',' or '=')
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i++));
            }
            else
            {
                throw new LayerExpressionException($"unexpected character '{c}'", text, i);
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}
