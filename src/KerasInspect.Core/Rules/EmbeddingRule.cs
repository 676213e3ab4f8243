using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary><c>Embedding</c>: one table (input_dim, output_dim), whatever the sequence length; (b, L) → (b, L, output_dim).</summary>
internal sealed class EmbeddingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["Embedding"];

    public IReadOnlyList<string> PositionalArguments(string className) => ["input_dim", "output_dim"];

    public LayerPlan Plan(LayerContext context)
    {
        var vocabulary = context.Long("input_dim");
        var width = context.Long("output_dim");
        var output = context.Input is { } input ? input.InsertAxis(input.Rank, width) : null;
        return new LayerPlan(
            [output],
            [new("embeddings", [vocabulary, width])],
            $"{Formula.N(vocabulary)} × {Formula.N(width)}");
    }
}
