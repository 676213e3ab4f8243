using KerasInspect.Core.Config;
using KerasInspect.Core.Shapes;

namespace KerasInspect.Core.Model;

/// <summary>
/// One layer of a model in neutral form: its class, name and config (already in the Keras 2 vocabulary), plus what the
/// reader resolved from the dialect: the layer a wrapper wraps, a nested model, the declared input shape, its calls.
/// </summary>
public sealed record LayerSpec(string Name, string ClassName, ConfigValue Config)
{
    /// <summary>False when the config says <c>"trainable": false</c>; every tensor of the layer is then non-trainable.</summary>
    public bool Trainable { get; init; } = true;

    /// <summary>The input shape the layer declares (<c>batch_input_shape</c> and the like), batch dimension first.</summary>
    public Shape? DeclaredInputShape { get; init; }

    /// <summary>
    /// The input shapes Keras recorded when it built the layer (Keras 2.13+ and Keras 3 <c>build_config.input_shape</c>:
    /// one shape, or one per input of a multi-input layer); empty when the config has none.
    /// </summary>
    public IReadOnlyList<Shape?> RecordedInputShapes { get; init; } = [];

    /// <summary>The wrapped layer of <c>Bidirectional</c> and <c>TimeDistributed</c>.</summary>
    public LayerSpec? Inner { get; init; }

    /// <summary>A custom <c>backward_layer</c> of <c>Bidirectional</c>; null means a copy of <see cref="Inner"/>.</summary>
    public LayerSpec? Backward { get; init; }

    /// <summary>The model, when this layer is itself a Sequential or Functional model.</summary>
    public ModelDescription? Nested { get; init; }

    /// <summary>Call events in a functional graph (empty in a Sequential model and for input layers).</summary>
    public IReadOnlyList<CallEvent> Calls { get; init; } = [];

    /// <summary>Keras 3's <c>module</c> of the class (<c>keras.layers</c>), when the config names one.</summary>
    public string? Module { get; init; }

    /// <summary>Keras 3's <c>registered_name</c>: null for built-ins, <c>package&gt;Class</c> for registered custom classes.</summary>
    public string? RegisteredName { get; init; }

    public string ConfigPath => Config.Path;
}
