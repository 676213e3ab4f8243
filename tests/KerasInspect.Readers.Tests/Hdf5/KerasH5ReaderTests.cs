using KerasInspect.Core;
using KerasInspect.Hdf5;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Tests;
using Newtonsoft.Json.Linq;

namespace KerasInspect.Readers.Tests.Hdf5;

public sealed class KerasH5ReaderTests
{
    public static TheoryData<string> CorpusHdf5Models() =>
        CorpusManifest.Ids(e => (string?)e["oracle"]?["kind"] is "full-model" or "weights-only");

    /// <summary>Layer by layer, the stored tensors equal the corpus manifest's (shapes h5py read from each file).</summary>
    [CorpusTheory]
    [MemberData(nameof(CorpusHdf5Models))]
    public void Stored_tensors_equal_the_corpus_manifest(string id)
    {
        var entry = CorpusManifest.Entry(id);
        var file = ((JArray)entry["files"]!).Select(f => (string)f["file"]!).Single(f => f.EndsWith(".h5", StringComparison.Ordinal));
        var path = Path.Combine(TestPaths.RealCorpus, file);

        var weights = KerasH5Reader.ReadWeights(path);

        var expected = ((JArray)entry["oracle"]!["by_layer"]!).Select(layer =>
            $"{layer["layer"]}: " + string.Join("; ", ((JArray)layer["tensors"]!).Select(t => $"{t[0]} [{string.Join(", ", t[1]!.Values<long>())}]")));
        var actual = weights.Layers.Select(layer =>
            $"{layer.Name}: " + string.Join("; ", layer.Tensors.Select(t => $"{t.Name} [{string.Join(", ", t.Shape)}]")));
        Assert.Equal(expected, actual);
        Assert.Equal((long)entry["oracle"]!["weights_total"]!, weights.ParameterCount);
    }

    public static TheoryData<string> Real2Hdf5Models() =>
        CorpusManifest.Ids(e => (string?)e["oracle"]?["kind"] is "full-model" or "weights-only", corpus: "real2");

    /// <summary>The same for real2/ (files once misread: nested two deep, Keras 1 classes, a weights file), whose manifest lists tensors as objects.</summary>
    [CorpusTheory("real2")]
    [MemberData(nameof(Real2Hdf5Models))]
    public void Stored_tensors_of_files_once_misread_equal_the_manifest(string id)
    {
        var entry = CorpusManifest.Entry(id, "real2");
        var file = ((JArray)entry["files"]!).Select(f => (string)f["file"]!).Single(f => f.EndsWith(".h5", StringComparison.Ordinal));

        var weights = KerasH5Reader.ReadWeights(Path.Combine(TestPaths.Corpus("real2"), file));

        var expected = ((JArray)entry["oracle"]!["by_layer"]!).Select(layer =>
            $"{layer["layer"]}: " + string.Join("; ", ((JArray)layer["tensors"]!).Select(t => $"{t["name"]} [{string.Join(", ", t["shape"]!.Values<long>())}]")));
        var actual = weights.Layers.Select(layer =>
            $"{layer.Name}: " + string.Join("; ", layer.Tensors.Select(t => $"{t.Name} [{string.Join(", ", t.Shape)}]")));
        Assert.Equal(expected, actual);
        Assert.Equal((long)entry["oracle"]!["weights_total"]!, weights.ParameterCount);
    }

    [Fact]
    public void Fixture_lists_layers_and_weight_shapes_written_by_the_generator()
    {
        var weights = KerasH5Reader.ReadWeights(TestPaths.InTestData("hdf5", "keras2_h5py3.h5"));

        // Shapes as scripts/gen-testdata.py writes them: Embedding(100, 16), LSTM(32) on 16 features, Dense(10).
        Assert.Equal("tf.keras2-h5", weights.Format); // keras_version 2.11.0
        Assert.Equal(["embedding", "lstm", "dropout", "dense"], weights.Layers.Select(l => l.Name));
        var lstm = weights.Layers[1].Tensors;
        Assert.Equal(["lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"], lstm.Select(t => t.Name));
        Assert.Equal([16L, 128], lstm[0].Shape);
        Assert.Equal(4 * ((16 + 32 + 1) * 32), weights.Layers[1].ParameterCount); // 6,272
        Assert.Empty(weights.Layers[2].Tensors);
        Assert.Equal((100 * 16) + 6_272 + (32 * 10) + 10, weights.ParameterCount);
    }

    [Fact]
    public void Chunked_layer_names_are_joined_in_order()
    {
        var snapshot = H5File.ReadSnapshot(TestPaths.InTestData("hdf5", "chunked_attrs.h5"));

        var names = KerasAttributes.StringList(snapshot.File, (H5Group)snapshot.Find("/model_weights")!, "layer_names");

        Assert.NotNull(names);
        Assert.Equal(900, names.Count);
        // scripts/gen-testdata.py splits 900 names into layer_names0..2, 300 each
        Assert.StartsWith("encoder_stack/transformer_block_0000/", names[0], StringComparison.Ordinal);
        Assert.StartsWith("encoder_stack/transformer_block_0899/", names[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Hdf5_file_without_layer_names_is_not_a_keras_file()
    {
        var error = Assert.Throws<ModelFormatException>(() => KerasH5Reader.ReadWeights(TestPaths.InTestData("hdf5", "ranks.h5")));

        Assert.EndsWith("ranks.h5: /: no 'layer_names' attribute: this HDF5 file is not a Keras model or weights file", error.Message, StringComparison.Ordinal);
    }
}
