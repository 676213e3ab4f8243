namespace KerasInspect.Core.Reading;

/// <summary>
/// What an input is, as <c>FormatDetector</c> (in Readers) decides it from its content: the closed set of things
/// KerasInspect can be handed. Each member is read by one <see cref="IModelReader"/>.
/// </summary>
public enum ModelFormat
{
    /// <summary>None of the below.</summary>
    Unknown,

    /// <summary>A Keras 1/2, tf.keras or Keras 3 legacy HDF5 model or <c>save_weights</c> file (<c>layer_names</c> layout).</summary>
    KerasH5,

    /// <summary>A bare Keras 3 weights store (<c>*.weights.h5</c>): groups under <c>layers</c>, variables by position.</summary>
    Keras3WeightsH5,

    /// <summary>A Keras 3 <c>.keras</c> zip archive.</summary>
    KerasArchive,

    /// <summary>A Keras model config as JSON (<c>model.to_json()</c>, an architecture file).</summary>
    KerasJson,

    /// <summary>A TensorFlow.js layers <c>model.json</c>.</summary>
    TfjsLayers,

    /// <summary>A TensorFlow SavedModel: a directory holding <c>saved_model.pb</c>.</summary>
    SavedModel,
}
