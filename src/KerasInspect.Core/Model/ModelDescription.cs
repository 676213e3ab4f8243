using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Model;

/// <summary>A model in neutral form: its layers in config order and, for a functional model, its input and output tensors.</summary>
public sealed record ModelDescription(string Name, string ClassName, ModelKind Kind, IReadOnlyList<LayerSpec> Layers)
{
    public KerasWriter Writer { get; init; } = KerasWriter.Unknown;

    /// <summary>How the file names and splits its tensors, as its reader knows it; null names every tensor by its role.</summary>
    public IStorageDialect? Dialect { get; init; }

    public IReadOnlyList<TensorRef> Inputs { get; init; } = [];

    public IReadOnlyList<TensorRef> Outputs { get; init; } = [];

    /// <summary>A Sequential model's <c>build_input_shape</c>, when the config has one.</summary>
    public Shape? DeclaredInputShape { get; init; }

    /// <summary>
    /// True for a nested functional model whose first call is an internal one that is not serialized, so outer
    /// references to its first real call use node index 1 (keras-file-formats.md §5.4).
    /// </summary>
    public bool OwnsInternalNode { get; init; }
}
