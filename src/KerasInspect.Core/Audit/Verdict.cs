namespace KerasInspect.Core.Audit;

/// <summary>What the comparison of a layer (or tensor) with the file found. JSON spells these in kebab case.</summary>
public enum Verdict
{
    /// <summary>Stored and expected agree.</summary>
    Match,

    /// <summary>Stored and expected shapes differ.</summary>
    Mismatch,

    /// <summary>Expected but not stored.</summary>
    Missing,

    /// <summary>Stored but not expected.</summary>
    Unexpected,

    /// <summary>No rule for the class (or the config could not be evaluated): nothing is asserted.</summary>
    Unverified,

    /// <summary>Only a config was read: there is nothing stored to compare with.</summary>
    NoWeights,
}
