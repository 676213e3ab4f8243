namespace KerasInspect.Core.Tests;

/// <summary>A config object written in a test (an RNN's <c>cell</c>); <see cref="Build"/> turns it into a config value.</summary>
internal sealed record ConfigObject(IReadOnlyList<(string Key, object? Value)> Properties);
