namespace KerasInspect.Core.Layers;

/// <summary>Why a rule could not plan a layer. The analyser turns it into a finding; it never leaves the library.</summary>
public sealed class LayerRuleException : Exception
{
    public LayerRuleException(LayerRuleFailure failure, string message, string? configPath)
        : base(message)
    {
        Failure = failure;
        ConfigPath = configPath;
    }

    public LayerRuleFailure Failure { get; }

    public string? ConfigPath { get; }

    /// <summary>The class with no rule, for <see cref="LayerRuleFailure.NoRule"/>.</summary>
    public string? ClassName { get; init; }
}
