using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>PReLU's per-element alpha, the weightless activations, and the Dot and element-wise merges.</summary>
public sealed class ActivationAndMergeRuleTests
{
    [Theory]
    [InlineData(null, 640L, new long[] { 10, 64 })]   // §4: one alpha per element, 10·64
    [InlineData(new[] { 1 }, 64L, new long[] { 1, 64 })]  // §4: shared over the steps axis
    public void PRelu_has_one_alpha_per_unshared_element(int[]? shared, long expected, long[] alpha)
    {
        var layer = Build.One(Build.Layer("PReLU", "prelu", ("shared_axes", shared)), null, 10, 64);

        Assert.Equal(expected, layer.ExpectedParams);
        Assert.Equal(alpha, layer.Tensors!.Single().Shape);
        Assert.Equal("alpha", layer.Tensors!.Single().Name);
        Assert.Equal(Shape.Of(null, 10, 64), layer.OutputShapes.Single());
    }

    [Fact]
    public void PRelu_shared_over_image_axes_keeps_one_alpha_per_channel()
    {
        // shared_axes [1, 2] on (28, 28, 32): alpha (1, 1, 32) = 32; without sharing 28·28·32 = 25,088
        Assert.Equal(32L, Build.One(Build.Layer("PReLU", "prelu", ("shared_axes", new[] { 1, 2 })), null, 28, 28, 32).ExpectedParams);
        Assert.Equal(25_088L, Build.One(Build.Layer("PReLU", "prelu"), null, 28, 28, 32).ExpectedParams);
    }

    [Fact]
    public void PRelu_on_a_variable_length_axis_needs_it_shared()
    {
        var unshared = Build.Analyze(Shape.Of(null, null, 64), Build.Layer("PReLU", "prelu"));
        var shared = Build.One(Build.Layer("PReLU", "prelu", ("shared_axes", new[] { 1 })), null, null, 64);

        Assert.Equal("KI1002", Assert.Single(unshared.Diagnostics).Code);
        Assert.Equal(64L, shared.ExpectedParams);
    }

    [Theory]
    [InlineData("ELU")]
    [InlineData("ReLU")]
    [InlineData("Softmax")]
    [InlineData("LeakyReLU")]
    [InlineData("ThresholdedReLU")]
    public void Parameter_free_activations_keep_the_shape(string className)
    {
        var layer = Build.One(Build.Layer(className, "act"), null, 7, 7, 3);

        Assert.Equal(0L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 7, 7, 3), layer.OutputShapes.Single());
    }

    [Theory]
    [InlineData(2, new long[] { 10, 64 }, new long[] { 10, 64 }, new long[] { 10, 10 })]   // contract the features: (b, 10, 10)
    [InlineData(1, new long[] { 10, 64 }, new long[] { 10, 32 }, new long[] { 64, 32 })]   // contract the steps: (b, 64, 32)
    [InlineData(-1, new long[] { 32 }, new long[] { 32 }, new long[] { 1 })]               // vectors: (b,) gets a trailing 1
    public void Dot_contracts_the_given_axes(int axes, long[] left, long[] right, long[] expected)
    {
        var layer = Build.Call(Build.Layer("Dot", "dot", ("axes", axes), ("normalize", true)), Of(left), Of(right));

        Assert.Equal(0L, layer.ExpectedParams);
        Assert.Equal(Of(expected), layer.OutputShapes.Single());
    }

    [Fact]
    public void Dot_with_an_axis_per_input_joins_the_remaining_axes_in_order()
    {
        // (b, 5, 7)·(b, 3, 5) on axes [1, 2]: 5 with 5 → (b, 7) + (3) = (b, 7, 3)
        var layer = Build.Call(Build.Layer("Dot", "dot", ("axes", new[] { 1, 2 })), Shape.Of(null, 5, 7), Shape.Of(null, 3, 5));

        Assert.Equal(Shape.Of(null, 7, 3), layer.OutputShapes.Single());
    }

    [Fact]
    public void Dot_of_axes_of_different_sizes_is_a_config_error()
    {
        var analysis = Build.Call(Build.Layer("Dot", "dot", ("axes", 1)), Model.KerasWriter.TfKeras, Shape.Of(null, 5, 7), Shape.Of(null, 3, 7));

        Assert.Equal("KI1003", Assert.Single(analysis.Diagnostics).Code);
    }

    [Theory]
    [InlineData("Maximum")]
    [InlineData("Minimum")]
    public void Maximum_and_minimum_keep_the_common_shape(string className)
    {
        var layer = Build.Call(Build.Layer(className, "merge"), Shape.Of(null, 8), Shape.Of(null, 8));

        Assert.Equal(0L, layer.ExpectedParams);
        Assert.Equal(Shape.Of(null, 8), layer.OutputShapes.Single());
    }

    private static Shape Of(long[] dims) => new([null, .. dims.Select(d => (long?)d)]);
}
