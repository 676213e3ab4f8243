using System.Globalization;
using KerasInspect.Core.Config;

namespace KerasInspect.Readers.Calc;

/// <summary>
/// Parses one layer written the Python way, <c>Bidirectional(LSTM(32, return_sequences=True), merge_mode="sum")</c>,
/// into its class name, positional and keyword arguments. Values: numbers, quoted strings, True/False/None,
/// tuples and lists, and (for wrappers) nested layers.
/// </summary>
internal sealed class LayerExpressionParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;

    private LayerExpressionParser(string text)
    {
        _text = text;
        _tokens = LayerExpressionLexer.Tokenize(text);
    }

    public static ParsedLayer Parse(string text)
    {
        var parser = new LayerExpressionParser(text);
        var layer = parser.Layer();
        parser.Expect(TokenKind.End, "nothing after the layer's closing ')'");
        return layer;
    }

    private ParsedLayer Layer()
    {
        var name = Expect(TokenKind.Identifier, "a layer class such as LSTM or Dense");
        ExpectSymbol("(", $"'(' after {name.Text}");
        var positional = new List<ParsedArgument>();
        var keywords = new List<ParsedArgument>();
        if (!TrySymbol(")"))
        {
            do
            {
                var token = Peek;
                if (token.Kind == TokenKind.Identifier && PeekAt(1) is { Kind: TokenKind.Symbol, Text: "=" })
                {
                    _next += 2;
                    keywords.Add(new ParsedArgument(token.Text, Value(), token.Position));
                }
                else if (keywords.Count > 0)
                {
                    throw Error("a positional argument cannot follow keyword arguments", token);
                }
                else
                {
                    positional.Add(new ParsedArgument(null, Value(), token.Position));
                }
            }
            while (TrySymbol(","));

            ExpectSymbol(")", "',' or ')' after an argument");
        }

        return new ParsedLayer(name.Text, positional, keywords, name.Position);
    }

    private ParsedValue Value()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _next++;
                return double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new ParsedValue(ConfigKind.Number, token.Position) { Number = number }
                    : throw Error($"'{token.Text}' is not a number", token);
            case TokenKind.String:
                _next++;
                return new ParsedValue(ConfigKind.String, token.Position) { Text = token.Text };
            case TokenKind.Identifier when PeekAt(1) is { Kind: TokenKind.Symbol, Text: "(" }:
                return new ParsedValue(ConfigKind.Object, token.Position) { Layer = Layer() };
            case TokenKind.Identifier:
                _next++;
                return token.Text switch
                {
                    "True" or "true" => new ParsedValue(ConfigKind.Bool, token.Position) { Flag = true },
                    "False" or "false" => new ParsedValue(ConfigKind.Bool, token.Position) { Flag = false },
                    "None" or "null" => new ParsedValue(ConfigKind.Null, token.Position),
                    _ => throw Error($"'{token.Text}' is not a value: quote strings ('{token.Text}'), or write True, False, None or a number", token),
                };
            case TokenKind.Symbol when token.Text is "(" or "[":
                _next++;
                var close = token.Text == "(" ? ")" : "]";
                var items = new List<ParsedValue>();
                if (!TrySymbol(close))
                {
                    do
                    {
                        if (Peek is { Kind: TokenKind.Symbol } end && end.Text == close)
                        {
                            break; // a trailing comma, as in (3,)
                        }

                        items.Add(Value());
                    }
                    while (TrySymbol(","));

                    ExpectSymbol(close, $"',' or '{close}' in the list");
                }

                return new ParsedValue(ConfigKind.Array, token.Position) { Items = items };
            default:
                throw Error(token.Kind == TokenKind.End ? "the expression ends where a value was expected" : $"expected a value, found '{token.Text}'", token);
        }
    }

    private Token Peek => _tokens[_next];

    private Token? PeekAt(int ahead) => _next + ahead < _tokens.Count ? _tokens[_next + ahead] : null;

    private bool TrySymbol(string symbol)
    {
        if (Peek is { Kind: TokenKind.Symbol } token && token.Text == symbol)
        {
            _next++;
            return true;
        }

        return false;
    }

    private void ExpectSymbol(string symbol, string what)
    {
        if (!TrySymbol(symbol))
        {
            throw Error($"expected {what}", Peek);
        }
    }

    private Token Expect(TokenKind kind, string what)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw Error(token.Kind == TokenKind.End ? $"expected {what}, the expression ended" : $"expected {what}, found '{token.Text}'", token);
        }

        _next++;
        return token;
    }

    private LayerExpressionException Error(string message, Token at) => new(message, _text, at.Position);
}
