namespace KerasInspect.Core.Model;

/// <summary>
/// Which library wrote a model. Config keys that are left out take the writer's default, and the defaults differ
/// (param-formulas.md §2.2: GRU <c>reset_after</c> is false in Keras 1/2 and TF.js, true in tf.keras 2 and Keras 3).
/// </summary>
public enum KerasWriter
{
    Unknown,
    Keras1,
    Keras2,
    TfKeras,
    Keras3,
    TensorFlowJs,
}
