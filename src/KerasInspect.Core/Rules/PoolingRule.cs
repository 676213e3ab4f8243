using KerasInspect.Core.Layers;

namespace KerasInspect.Core.Rules;

/// <summary>
/// <c>MaxPooling1D/2D/3D</c>, <c>AveragePooling1D/2D/3D</c>: no weights; each spatial axis becomes ⌊(L − p)/s⌋ + 1 (valid)
/// or ⌈L/s⌉ (same), with <c>pool_size</c> 2 on every axis and <c>strides</c> = <c>pool_size</c> by default.
/// </summary>
internal sealed class PoolingRule : ILayerRule
{
    public IReadOnlyList<string> ClassNames =>
        ["MaxPooling1D", "AveragePooling1D", "MaxPooling2D", "AveragePooling2D", "MaxPooling3D", "AveragePooling3D"];

    public IReadOnlyList<string> PositionalArguments(string className) =>
        className is "MaxPooling1D" or "AveragePooling1D" ? ["pool_size", "strides", "padding"] : [];

    public bool TakesSequence(string className) => className is "MaxPooling1D" or "AveragePooling1D";

    public LayerPlan Plan(LayerContext context)
    {
        var rank = ConvolutionWindow.RankOf(context.Layer.ClassName);
        var pool = context.Sizes("pool_size", rank, 2);
        var strides = context.Value("strides") is { IsNull: false } ? context.Sizes("strides", rank, null) : pool;
        var padding = context.Padding("valid", "same");
        return Spatial.ResizeAxes(context, rank, (length, i) => Spatial.WindowLength(length, pool[i], strides[i], 1, padding));
    }
}
