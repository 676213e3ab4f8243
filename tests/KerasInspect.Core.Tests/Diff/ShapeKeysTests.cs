using KerasInspect.Core.Diff;

namespace KerasInspect.Core.Tests.Diff;

public sealed class ShapeKeysTests
{
    [Fact]
    public void A_changed_shape_key_is_listed_with_both_values_and_other_keys_are_not()
    {
        var old = Build.Layer("Dense", "dense", ("units", 8), ("activation", "relu"));
        var @new = Build.Layer("Dense", "dense", ("units", 12), ("activation", "tanh"));

        var change = Assert.Single(ShapeKeys.Compare(old, @new, material: true));

        Assert.Equal(new ConfigChange("units", "8", "12"), change);
    }

    [Fact]
    public void A_one_item_list_equals_its_item()
    {
        var old = Build.Layer("Conv1D", "conv", ("kernel_size", new[] { 3 }));
        var @new = Build.Layer("Conv1D", "conv", ("kernel_size", 3));

        Assert.Empty(ShapeKeys.Compare(old, @new, material: false));
    }

    [Fact]
    public void Keys_are_compared_only_when_the_layer_computes_something_else()
    {
        var old = Build.Layer("BatchNormalization", "bn", ("axis", new[] { 3 }));
        var @new = Build.Layer("BatchNormalization", "bn", ("axis", -1), ("center", true));

        Assert.Empty(ShapeKeys.Compare(old, @new, material: false)); // two spellings of the last axis, a default written out
        Assert.Equal([new ConfigChange("center", null, "true"), new ConfigChange("axis", "[3]", "-1")], ShapeKeys.Compare(old, @new, material: true));
    }

    [Fact]
    public void A_wrapped_layer_keys_are_prefixed()
    {
        var old = Build.Wrapper("Bidirectional", "bi", Build.Layer("LSTM", "lstm", ("units", 32)), config: ("merge_mode", "concat"));
        var @new = Build.Wrapper("Bidirectional", "bi", Build.Layer("GRU", "gru", ("units", 16)), config: ("merge_mode", "sum"));

        Assert.Equal(
            [new ConfigChange("merge_mode", "\"concat\"", "\"sum\""), new ConfigChange("layer.class_name", "\"LSTM\"", "\"GRU\""), new ConfigChange("layer.units", "32", "16")],
            ShapeKeys.Compare(old, @new, material: true));
    }

    [Fact]
    public void Freezing_a_layer_is_a_trainable_change()
    {
        var old = Build.Layer("Dense", "dense", ("units", 8));

        Assert.Equal([new ConfigChange("trainable", "true", "false")], ShapeKeys.Compare(old, old with { Trainable = false }, material: false));
    }

    [Fact]
    public void Keras_3_batch_shape_is_batch_input_shape()
    {
        var old = Build.Layer("InputLayer", "input_1", ("batch_input_shape", new object?[] { null, 4 }));
        var @new = Build.Layer("InputLayer", "input_layer", ("batch_shape", new object?[] { null, 4 }));
        var wider = Build.Layer("InputLayer", "input_layer", ("batch_shape", new object?[] { null, 5 }));

        Assert.Empty(ShapeKeys.Compare(old, @new, material: true));
        Assert.Equal([new ConfigChange("batch_input_shape", "[null, 4]", "[null, 5]")], ShapeKeys.Compare(old, wider, material: true));
    }
}
