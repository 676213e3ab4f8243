using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>LayerNormalization, GroupNormalization and UnitNormalization, param-formulas.md §2.5.</summary>
public sealed class NormalizationRuleTests
{
    [Theory]
    [InlineData(true, true, false, 128L, "gamma beta")]  // §4: 64 + 64
    [InlineData(true, false, false, 64L, "gamma")]       // center=False: gamma only
    [InlineData(false, true, false, 64L, "beta")]        // scale=False: beta only
    [InlineData(false, false, false, 0L, "")]            // neither
    [InlineData(false, true, true, 64L, "gamma")]        // rms_scaling: gamma even without scale, never beta
    public void Layer_normalization_on_64_features(bool scale, bool center, bool rms, long expected, string names)
    {
        var layer = Build.One(Build.Layer("LayerNormalization", "ln", ("scale", scale), ("center", center), ("rms_scaling", rms)), null, 10, 64);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(names, string.Join(" ", layer.Tensors!.Select(t => t.Name)));
        Assert.Equal(Shape.Of(null, 10, 64), layer.OutputShapes.Single());
    }

    [Fact]
    public void Layer_normalization_with_defaults_matches_the_worked_example()
    {
        var layer = Build.One(Build.Layer("LayerNormalization", "ln"), null, 64);

        Assert.Equal(128L, layer.ExpectedParams); // §4: 64 + 64
        Assert.Equal("LayerNormalization: 2 × 64 = 128", layer.Derivation);
        Assert.All(layer.Tensors!, t => Assert.Equal([64L], t.Shape));
    }

    [Fact]
    public void Layer_normalization_over_several_axes_shapes_gamma_by_each()
    {
        // axis [1, 2] on (10, 64): gamma and beta (10, 64) = 640 each, 1,280 in all
        var layer = Build.One(Build.Layer("LayerNormalization", "ln", ("axis", new[] { 1, 2 })), null, 10, 64);

        Assert.Equal(1_280L, layer.ExpectedParams);
        Assert.Equal([10L, 64], layer.Tensors![0].Shape);
    }

    [Fact]
    public void Layer_normalization_accepts_the_positive_axis_tf_keras_writes()
    {
        // tf.keras stores axis [-1] of a rank-3 input as [2] after build: still 64 + 64
        var layer = Build.One(Build.Layer("LayerNormalization", "ln", ("axis", new[] { 2 })), null, 10, 64);

        Assert.Equal(128L, layer.ExpectedParams);
    }

    [Fact]
    public void Layer_normalization_on_the_batch_axis_is_a_config_error()
    {
        var analysis = Build.Analyze(Shape.Of(null, 10, 64), Build.Layer("LayerNormalization", "ln", ("axis", 0)));

        Assert.Equal("KI1003", Assert.Single(analysis.Diagnostics).Code);
    }

    [Theory]
    [InlineData(8, true, true, 64L)]    // 2·32: the count does not depend on groups
    [InlineData(-1, true, true, 64L)]   // groups −1: one group per channel, same 2·32
    [InlineData(8, false, true, 32L)]   // scale=False: beta only
    [InlineData(32, false, false, 0L)]  // neither
    public void Group_normalization_stores_gamma_and_beta_per_channel(int groups, bool scale, bool center, long expected)
    {
        var layer = Build.One(Build.Layer("GroupNormalization", "gn", ("groups", groups), ("scale", scale), ("center", center)), null, 16, 16, 32);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 16, 16, 32), layer.OutputShapes.Single());
    }

    [Fact]
    public void Group_normalization_default_has_32_groups()
    {
        // groups 32 on 64 channels: gamma 64 + beta 64 = 128; 48 channels do not divide into 32 groups
        var fine = Build.One(Build.Layer("GroupNormalization", "gn"), null, 8, 64);
        var bad = Build.Analyze(Shape.Of(null, 8, 48), Build.Layer("GroupNormalization", "gn"));

        Assert.Equal(128L, fine.ExpectedParams);
        Assert.Equal("'groups' 32 must divide the 48 channels of axis -1", Assert.Single(bad.Diagnostics).Message);
    }

    [Fact]
    public void Unit_normalization_has_no_weights()
    {
        var layer = Build.One(Build.Layer("UnitNormalization", "un", ("axis", -1)), null, 10, 64);

        Assert.Equal(0L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 10, 64), layer.OutputShapes.Single());
    }
}
