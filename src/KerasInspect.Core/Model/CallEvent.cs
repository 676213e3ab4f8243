namespace KerasInspect.Core.Model;

/// <summary>One call of a layer in a functional graph (one entry of its <c>inbound_nodes</c>): the tensors it was called on.</summary>
public sealed record CallEvent(IReadOnlyList<TensorRef> Inputs, string ConfigPath);
