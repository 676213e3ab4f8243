namespace KerasInspect.Core.Model;

/// <summary>A reference to output <see cref="Tensor"/> of call event <see cref="Node"/> of a layer: <c>["lstm", 0, 1]</c>.</summary>
public sealed record TensorRef(string Layer, int Node, int Tensor);
