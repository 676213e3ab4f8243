namespace KerasInspect.Core.Model;

public enum ModelKind
{
    /// <summary>Layers in a list, each fed by the one before.</summary>
    Sequential,

    /// <summary>A graph of layer calls (<c>Model</c> / <c>Functional</c>).</summary>
    Functional,
}
