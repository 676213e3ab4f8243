namespace KerasInspect.Reports.Text;

/// <summary>Which columns a layer table has.</summary>
public enum TableStyle
{
    /// <summary><c>calc</c>: shapes, expected parameters and the derivation.</summary>
    Formulas,

    /// <summary>A config without weights: as <see cref="Formulas"/>, plus the verdict.</summary>
    Config,

    /// <summary>A file with weights: output shape, expected and stored parameters, verdict.</summary>
    CrossCheck,
}
