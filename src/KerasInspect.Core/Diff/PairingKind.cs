namespace KerasInspect.Core.Diff;

/// <summary>How the two sides of a <see cref="LayerDiff"/> were matched. JSON spells these in kebab case.</summary>
public enum PairingKind
{
    /// <summary>The same layer name on both sides.</summary>
    Name,

    /// <summary>Different names, matched by class and place in the graph (a rename, or Keras' automatic names shifting).</summary>
    Inferred,

    /// <summary>Only in NEW.</summary>
    Added,

    /// <summary>Only in OLD.</summary>
    Removed,
}
