namespace KerasInspect.Core;

/// <summary>The file is readable but is not a Keras model file as expected: a missing attribute, a dangling weight name.</summary>
public sealed class ModelFormatException(string message, SourceLocation where, Exception? inner = null)
    : KerasInspectException(message, where, inner);
