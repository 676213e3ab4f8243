namespace KerasInspect.Core.Layers;

public enum LayerRuleFailure
{
    /// <summary>A config value is missing, of the wrong type or out of range.</summary>
    InvalidConfig,

    /// <summary>A dimension the formula needs is unknown.</summary>
    InputUnknown,

    /// <summary>A wrapped layer's class has no rule.</summary>
    NoRule,
}
