using KerasInspect.Core.Model;

namespace KerasInspect.Core.Reading;

/// <summary>The format names reports print (the corpus manifest's words), all in one place.</summary>
public static class FormatNames
{
    public const string KerasArchive = "keras-zip";
    public const string Keras3WeightsH5 = "keras3-weights-h5";
    public const string KerasJson = "model-json";
    public const string TfjsLayers = "tfjs-layers-json";
    public const string Calc = "calc";
    public const string Unknown = "unknown";

    /// <summary><c>keras1-h5</c>, <c>keras2-h5</c>, <c>tf.keras2-h5</c>, <c>keras3-legacy-h5</c>, or the <c>-weights-h5</c> of a save_weights file.</summary>
    public static string KerasH5(string? kerasVersion, bool isFullModel)
    {
        var generation = KerasWriters.FromVersion(kerasVersion) switch
        {
            KerasWriter.Keras1 => "keras1",
            KerasWriter.Keras2 => "keras2",
            KerasWriter.TfKeras => "tf.keras2",
            KerasWriter.Keras3 => isFullModel ? "keras3-legacy" : "keras3",
            _ => "keras",
        };
        return isFullModel ? $"{generation}-h5" : $"{generation}-weights-h5";
    }
}
