using KerasInspect.Core.Rules;

namespace KerasInspect.Core.Layers;

/// <summary>The one list of layer rules (one file each in <c>Rules/</c>), looked up by Keras class name. Explicit, so a reader can see every supported class.</summary>
public sealed class LayerRules
{
    private readonly Dictionary<string, ILayerRule> _byClass = new(StringComparer.Ordinal);

    public LayerRules(IEnumerable<ILayerRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var className in rule.ClassNames)
            {
                _byClass.Add(className, rule);
            }

            SubLayerOrder = [.. SubLayerOrder.Union(rule.SubLayers, StringComparer.Ordinal)];
        }
    }

    /// <summary>Every rule's <see cref="ILayerRule.SubLayers"/>, each rule's in its own order.</summary>
    public IReadOnlyList<string> SubLayerOrder { get; } = [];

    public static LayerRules Default { get; } = new(
    [
        new InputLayerRule(),
        new DenseRule(),
        new EmbeddingRule(),
        new SimpleRnnRule(),
        new LstmRule(),
        new GruRule(),
        new CuDnnLstmRule(),
        new CuDnnGruRule(),
        new RnnRule(),
        new ConvLstmRule(),
        new BidirectionalRule(),
        new TimeDistributedRule(),
        new ConvolutionRule(),
        new ConvolutionTransposeRule(),
        new SeparableConvolutionRule(),
        new DepthwiseConvolutionRule(),
        new BatchNormalizationRule(),
        new LayerNormalizationRule(),
        new GroupNormalizationRule(),
        new MultiHeadAttentionRule(),
        new AttentionRule(),
        new PReluRule(),
        new ShapePreservingRule(),
        new FlattenRule(),
        new ReshapeRule(),
        new PermuteRule(),
        new RepeatVectorRule(),
        new ConcatenateRule(),
        new ElementwiseMergeRule(),
        new DotRule(),
        new PoolingRule(),
        new GlobalPoolingRule(),
        new UpSamplingRule(),
        new ZeroPaddingRule(),
        new CroppingRule(),
        new Keras1ConvolutionRule(),
        new Keras1DeconvolutionRule(),
        new Keras1SeparableConvolutionRule(),
        new MaxoutDenseRule(),
        new HighwayRule(),
        new TfOpLambdaRule(),
        new NormalizationRule(),
        new ImagePreprocessingRule(),
        new CategoricalPreprocessingRule(),
    ]);

    public IEnumerable<string> ClassNames => _byClass.Keys.Order(StringComparer.Ordinal);

    public ILayerRule? Find(string className) => _byClass.GetValueOrDefault(className);
}
