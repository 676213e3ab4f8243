using KerasInspect.Core.Diff;
using KerasInspect.Core.Model;

namespace KerasInspect.Core.Tests.Diff;

public sealed class LayerPairingTests
{
    [Fact]
    public void Equal_names_pair_by_name()
    {
        var pairs = Pair(Sequential(("dense", "Dense"), ("out", "Dense")), Sequential(("dense", "Dense"), ("out", "Dense")));

        Assert.Equal(["dense=dense name", "out=out name"], pairs);
    }

    [Fact]
    public void Shifted_automatic_names_pair_in_order_even_where_one_name_recurs()
    {
        // dense_4 is in both, but it is OLD's last layer and NEW's first: the order decides.
        var pairs = Pair(Sequential(("dense_3", "Dense"), ("dense_4", "Dense")), Sequential(("dense_4", "Dense"), ("dense_5", "Dense")));

        Assert.Equal(["dense_3=dense_4 inferred", "dense_4=dense_5 inferred"], pairs);
    }

    [Fact]
    public void Custom_names_of_one_class_are_not_paired_in_order_when_a_name_matches()
    {
        var pairs = Pair(Sequential(("encoder", "Dense"), ("head", "Dense")), Sequential(("head", "Dense"), ("encoder", "Dense")));

        Assert.Equal(["head=head name", "encoder=encoder name"], pairs);
    }

    [Fact]
    public void A_renamed_layer_pairs_with_the_nearest_of_its_class()
    {
        var pairs = Pair(Sequential(("lstm", "LSTM"), ("dense_1", "Dense")), Sequential(("lstm", "LSTM"), ("classifier", "Dense")));

        Assert.Equal(["lstm=lstm name", "dense_1=classifier inferred"], pairs);
    }

    [Fact]
    public void A_layer_of_another_class_is_added_and_removed_not_paired()
    {
        var pairs = Pair(Sequential(("lstm", "LSTM"), ("rnn", "GRU")), Sequential(("lstm", "LSTM"), ("cell", "SimpleRNN")));

        Assert.Equal(["lstm=lstm name", "rnn=- removed", "-=cell added"], pairs);
    }

    [Fact]
    public void A_removed_layer_stands_where_it_was()
    {
        var pairs = Pair(Sequential(("a", "Dense"), ("b", "Dropout"), ("c", "Dense")), Sequential(("a", "Dense"), ("c", "Dense")));

        Assert.Equal(["a=a name", "b=- removed", "c=c name"], pairs);
    }

    [Fact]
    public void A_sequential_input_layer_only_one_side_lists_is_left_out()
    {
        var pairs = Pair(Sequential(("input_1", "InputLayer"), ("dense", "Dense")), Sequential(("dense", "Dense")));

        Assert.Equal(["dense=dense name"], pairs);
    }

    [Fact]
    public void Functional_inputs_pair_in_order_and_a_renamed_layer_prefers_the_same_inbound()
    {
        // OLD: input_1 → left, input_1 → right; NEW renames both Dense layers: 'b' is called where 'right' was.
        var old = Functional(("input_1", "InputLayer", []), ("left", "Dense", ["input_1"]), ("right", "Dense", ["left"]));
        var @new = Functional(("input_layer", "InputLayer", []), ("b", "Dense", ["a"]), ("a", "Dense", ["input_layer"]));

        var pairs = Pair(old, @new);

        Assert.Equal(["input_1=input_layer inferred", "right=b inferred", "left=a inferred"], pairs);
    }

    [Fact]
    public void A_name_repeated_in_one_config_pairs_once_and_the_rest_is_added()
    {
        var pairs = Pair(Sequential(("dense", "Dense")), Sequential(("dense", "Dense"), ("dense", "Dense")));

        Assert.Equal(["dense=dense name", "-=dense added"], pairs);
    }

    [Theory]
    [InlineData("Dense", "dense")]
    [InlineData("Conv1D", "conv1d")]
    [InlineData("SimpleRNN", "simple_rnn")]
    [InlineData("TimeDistributed", "time_distributed")]
    [InlineData("LSTM", "lstm")]
    [InlineData("BatchNormalization", "batch_normalization")]
    public void Snake_case_is_keras_automatic_name(string className, string name) =>
        Assert.Equal(name, LayerPairing.SnakeCase(className));

    private static List<string> Pair(IReadOnlyList<LayerFacts> old, IReadOnlyList<LayerFacts> @new) =>
        [.. LayerPairing.Pair(old, @new).Select(p => $"{p.Old?.Name ?? "-"}={p.New?.Name ?? "-"} {p.Kind.ToString().ToLowerInvariant()}")];

    private static List<LayerFacts> Sequential(params (string Name, string ClassName)[] layers) =>
        [.. layers.Select((l, i) => new LayerFacts(l.Name, l.ClassName, i)
        {
            Spec = Build.Layer(l.ClassName, l.Name),
            Inbound = i == 0 ? [] : [layers[i - 1].Name],
        })];

    private static List<LayerFacts> Functional(params (string Name, string ClassName, string[] Inbound)[] layers) =>
        [.. layers.Select((l, i) => new LayerFacts(l.Name, l.ClassName, i)
        {
            Spec = Build.Layer(l.ClassName, l.Name) with
            {
                Calls = l.Inbound.Length == 0 ? [] : [new CallEvent([.. l.Inbound.Select(n => new TensorRef(n, 0, 0))], $"$.{l.Name}.inbound_nodes[0]")],
            },
            Inbound = l.Inbound,
        })];
}
