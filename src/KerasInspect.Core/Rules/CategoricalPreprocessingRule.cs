using KerasInspect.Core.Config;
using KerasInspect.Core.Layers;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Rules;

/// <summary>
/// Categorical preprocessing layers: <c>StringLookup</c>, <c>IntegerLookup</c>, <c>TextVectorization</c>,
/// <c>CategoryEncoding</c>, <c>Hashing</c>, <c>Discretization</c>. Their vocabularies and boundaries live in the config or
/// in assets, not in weights, so they store nothing, except a lookup's <c>idf_weights</c> in <c>tf_idf</c> mode, whose
/// size follows the vocabulary (not in the config): that mode is left unverified, as is an adapted Discretization.
/// Output: <c>int</c> keeps the input's shape (TextVectorization: (b, <c>output_sequence_length</c>)); <c>one_hot</c>
/// adds (or replaces a last 1 by) an axis of the token count, <c>multi_hot</c>/<c>count</c>/<c>tf_idf</c> give (b, tokens).
/// </summary>
internal sealed class CategoricalPreprocessingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames => ["StringLookup", "IntegerLookup", "TextVectorization", "CategoryEncoding", "Hashing", "Discretization"];

    public LayerPlan Plan(LayerContext context)
    {
        var input = context.KnownInput();
        var className = context.Layer.ClassName;
        var mode = context.String("output_mode") ?? (className == "CategoryEncoding" ? "multi_hot" : "int");
        if (mode == "tf_idf" && className is "StringLookup" or "IntegerLookup" or "TextVectorization")
        {
            throw context.Unknown("in tf_idf mode it stores idf_weights sized by its vocabulary, which the config does not give");
        }

        if (className == "Discretization" && context.Value("bin_boundaries") is null or { IsNull: true })
        {
            throw context.Unknown("its bin boundaries are adapted, not in the config");
        }

        var tokens = Tokens(context, className);
        if (mode == "int")
        {
            return LayerPlan.Weightless(className == "TextVectorization"
                ? Shape.Of(input[0], context.Long("output_sequence_length", 0, 1) is > 0 and var length ? length : null)
                : input);
        }

        return LayerPlan.Weightless(mode == "one_hot"
            ? (input.Rank > 1 && input.Last == 1 ? input.WithLast(tokens) : input.InsertAxis(input.Rank, tokens))
            : Shape.Of(input[0], tokens));
    }

    /// <summary>The width of an encoded output: <c>num_tokens</c>, <c>num_bins</c>, boundaries + 1, or <c>max_tokens</c> (null when unknown).</summary>
    private static long? Tokens(LayerContext context, string className) => className switch
    {
        "CategoryEncoding" => context.Long("num_tokens"),
        "Hashing" => context.Long("num_bins"),
        "Discretization" => LayerContext.Unwrapped(context.Value("bin_boundaries")!) is { Kind: ConfigKind.Array } list ? list.Items.Count + 1 : null,
        _ => context.Long("max_tokens", 0, 1) is > 0 and var max ? max : null,
    };
}
