using KerasInspect.Core;

namespace KerasInspect.Readers.Hdf5;

/// <summary>What a Keras HDF5 file holds: its stored weights, its <c>model_config</c> JSON (absent in weights-only files) and its optimizer tensor count.</summary>
public sealed record KerasH5File(StoredWeights Weights, string? ModelConfig, int OptimizerTensors);
