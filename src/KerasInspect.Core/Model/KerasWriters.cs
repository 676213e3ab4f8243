using System.Globalization;

namespace KerasInspect.Core.Model;

public static class KerasWriters
{
    /// <summary>The writer behind a <c>keras_version</c> string such as <c>2.2.4</c>, <c>2.3.0-tf</c>, <c>3.1.0</c> or <c>tfjs-layers 4.22.0</c>.</summary>
    public static KerasWriter FromVersion(string? kerasVersion)
    {
        if (string.IsNullOrWhiteSpace(kerasVersion))
        {
            return KerasWriter.Unknown;
        }

        if (kerasVersion.StartsWith("tfjs", StringComparison.Ordinal))
        {
            return KerasWriter.TensorFlowJs;
        }

        if (kerasVersion.EndsWith("-tf", StringComparison.Ordinal))
        {
            return KerasWriter.TfKeras;
        }

        var parts = kerasVersion.Split('.');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return KerasWriter.Unknown;
        }

        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        return major switch
        {
            0 or 1 => KerasWriter.Keras1,
            2 when minor < 4 => KerasWriter.Keras2, // standalone Keras; 2.4 and later shipped only inside TensorFlow
            2 => KerasWriter.TfKeras,
            _ => KerasWriter.Keras3,
        };
    }

    public static string Describe(KerasWriter writer) => writer switch
    {
        KerasWriter.Keras1 => "Keras 1",
        KerasWriter.Keras2 => "standalone Keras 2",
        KerasWriter.TfKeras => "tf.keras",
        KerasWriter.Keras3 => "Keras 3",
        KerasWriter.TensorFlowJs => "TensorFlow.js",
        _ => "an unknown writer (assumed tf.keras 2)",
    };
}
