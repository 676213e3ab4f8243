using System.Text.Json;
using KerasInspect.Core.Layers;
using KerasInspect.Tests;

namespace KerasInspect.Core.Tests.Layers;

/// <summary>Every built-in class the shared corpus uses, and every class issue 9 lists, has a rule in the registry.</summary>
public sealed class LayerCoverageTests
{
    /// <summary>Classes that never get a rule: Lambda has no knowable weights; models are expanded by the analyser.</summary>
    private static readonly HashSet<string> NoRuleByDesign = new(StringComparer.Ordinal) { "Lambda", "Sequential", "Model", "Functional" };

    [Theory]
    // in the shared corpus (real/MANIFEST.json layer_classes and the TF.js models' topologies)
    [InlineData("Activation")]
    [InlineData("BatchNormalization")]
    [InlineData("Bidirectional")]
    [InlineData("Concatenate")]
    [InlineData("Conv1D")]
    [InlineData("Conv2D")]
    [InlineData("ConvLSTM2D")]
    [InlineData("Dense")]
    [InlineData("Dropout")]
    [InlineData("Embedding")]
    [InlineData("Flatten")]
    [InlineData("GRU")]
    [InlineData("InputLayer")]
    [InlineData("LSTM")]
    [InlineData("Masking")]
    [InlineData("MaxPooling1D")]
    [InlineData("MaxPooling3D")]
    [InlineData("RepeatVector")]
    [InlineData("SimpleRNN")]
    [InlineData("SpatialDropout1D")]
    [InlineData("TimeDistributed")]
    // listed by issue 9
    [InlineData("Conv1DTranspose")]
    [InlineData("Conv2DTranspose")]
    [InlineData("Conv3DTranspose")]
    [InlineData("SeparableConv1D")]
    [InlineData("SeparableConv2D")]
    [InlineData("DepthwiseConv1D")]
    [InlineData("DepthwiseConv2D")]
    [InlineData("ConvLSTM1D")]
    [InlineData("ConvLSTM3D")]
    [InlineData("LayerNormalization")]
    [InlineData("GroupNormalization")]
    [InlineData("UnitNormalization")]
    [InlineData("MultiHeadAttention")]
    [InlineData("Attention")]
    [InlineData("AdditiveAttention")]
    [InlineData("CuDNNLSTM")]
    [InlineData("CuDNNGRU")]
    [InlineData("PReLU")]
    [InlineData("ELU")]
    [InlineData("LeakyReLU")]
    [InlineData("ReLU")]
    [InlineData("Softmax")]
    [InlineData("MaxPooling2D")]
    [InlineData("AveragePooling2D")]
    [InlineData("AveragePooling3D")]
    [InlineData("GlobalMaxPooling2D")]
    [InlineData("GlobalAveragePooling2D")]
    [InlineData("GlobalMaxPooling3D")]
    [InlineData("GlobalAveragePooling3D")]
    [InlineData("UpSampling1D")]
    [InlineData("UpSampling2D")]
    [InlineData("UpSampling3D")]
    [InlineData("ZeroPadding1D")]
    [InlineData("ZeroPadding2D")]
    [InlineData("ZeroPadding3D")]
    [InlineData("Cropping1D")]
    [InlineData("Cropping2D")]
    [InlineData("Cropping3D")]
    [InlineData("Dot")]
    [InlineData("Maximum")]
    [InlineData("Minimum")]
    [InlineData("RNN")]
    public void Class_has_a_rule(string className)
    {
        Assert.NotNull(LayerRules.Default.Find(className));
    }

    [CorpusFact]
    public void Every_built_in_class_in_the_shared_corpus_has_a_rule()
    {
        var classes = new SortedSet<string>(StringComparer.Ordinal);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RealCorpus, "MANIFEST.json"))))
        {
            foreach (var entry in manifest.RootElement.GetProperty("entries").EnumerateArray())
            {
                classes.UnionWith(entry.GetProperty("layer_classes").EnumerateArray().Select(c => c.GetString()!));
            }
        }

        var corpus = Path.GetDirectoryName(TestPaths.RealCorpus)!;
        foreach (var file in Directory.EnumerateFiles(corpus, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".truth.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            CollectLayers(document.RootElement, classes);
        }

        var missing = classes.Where(c => !NoRuleByDesign.Contains(c) && LayerRules.Default.Find(c) is null).ToList();

        Assert.Contains("ConvLSTM2D", classes);
        Assert.Empty(missing);
    }

    /// <summary>The class of every layer in a config: items of a <c>layers</c> list and the wrapped <c>layer</c> of a wrapper.</summary>
    private static void CollectLayers(JsonElement element, ISet<string> classes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectLayers(item, classes);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "layers" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var layer in property.Value.EnumerateArray())
                {
                    AddClass(layer, classes);
                }
            }
            else if (property.Name is "layer" or "backward_layer")
            {
                AddClass(property.Value, classes);
            }

            CollectLayers(property.Value, classes);
        }
    }

    private static void AddClass(JsonElement layer, ISet<string> classes)
    {
        if (layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("class_name", out var name) && name.GetString() is { } className)
        {
            classes.Add(className);
        }
    }
}
