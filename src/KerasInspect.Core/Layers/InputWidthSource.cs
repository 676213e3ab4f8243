namespace KerasInspect.Core.Layers;

/// <summary>
/// Where a layer's input width can be read off its stored weights (param-formulas.md §1.1, 5): the tensor's role, and
/// the input rank and width its shape implies (a Dense kernel (f, u) gives a rank-2 input of width f); null when the
/// shape does not fit.
/// </summary>
/// <param name="Scope">A scope the tensor must be under, e.g. <c>forward</c> for a Bidirectional's forward direction.</param>
public sealed record InputWidthSource(string Role, Func<IReadOnlyList<long>, (int Rank, long Width)?> FromShape, string? Scope = null);
