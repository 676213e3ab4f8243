using KerasInspect.Core.Config;

namespace KerasInspect.Readers.Calc;

/// <summary>A parsed layer expression: class name, arguments in order, and where the class name starts.</summary>
internal sealed record ParsedLayer(string ClassName, IReadOnlyList<ParsedArgument> Positional, IReadOnlyList<ParsedArgument> Keywords, int Position);

/// <summary>An argument; <see cref="Name"/> is null for a positional one.</summary>
internal sealed record ParsedArgument(string? Name, ParsedValue Value, int Position);

/// <summary>A parsed value; <see cref="Layer"/> is set for a nested layer (kind Object).</summary>
internal sealed record ParsedValue(ConfigKind Kind, int Position)
{
    public double Number { get; init; }

    public string Text { get; init; } = "";

    public bool Flag { get; init; }

    public IReadOnlyList<ParsedValue> Items { get; init; } = [];

    public ParsedLayer? Layer { get; init; }
}
