"""What tf.keras 2.11 writes: layer and model configs, and the legacy hdf5_format file layout.

Imported by scripts/gen-keras-fixtures.py. Files are written with gen-testdata.py's
timestamp-free helpers (create_file, group, dataset), so they are byte-identical on every run.

Layout (keras/saving/legacy/hdf5_format.py with h5py 3):
  model.save("m.h5")           root attrs keras_version, backend (str: vlen UTF-8),
                               model_config, training_config (JSON bytes: vlen ASCII);
                               /model_weights as below; /optimizer_weights if compiled.
  save_weights_to_hdf5_group   attrs layer_names (list of bytes: vlen ASCII array), backend,
                               keras_version (bytes: vlen ASCII); one group per layer, created
                               in name order, with attr weight_names (empty: float64 (0,)) and
                               datasets at <layer>/<weight name>; then top_level_model_weights.
  model.save_weights("w.h5")   the same at the root, with no model_config.
"""

import importlib.util
import json
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("gen_testdata", os.path.join(_HERE, "gen-testdata.py"))
gen_testdata = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_testdata)

create_file = gen_testdata.create_file
group = gen_testdata.group
dataset = gen_testdata.dataset
layer = gen_testdata.layer
TRAINING_CONFIG = gen_testdata.TRAINING_CONFIG

KERAS_VERSION = "2.11.0"
BACKEND = "tensorflow"
OPTIMIZER = "Adam"  # a legacy (optimizer_v2) Adam: iter, then m of every weight, then v

GLOROT = layer("GlorotUniform", seed=None)
ORTHOGONAL = layer("Orthogonal", gain=1.0, seed=None)
ZEROS = layer("Zeros")


# ---------------------------------------------------------------- layer configs (get_config order)

def base(name):
    return {"name": name, "trainable": True, "dtype": "float32"}


def input_layer(name, shape):
    """shape without the batch axis."""
    return layer("InputLayer", batch_input_shape=[None, *shape], dtype="float32", sparse=False,
                 ragged=False, name=name)


def dense(name, units, activation="linear", use_bias=True):
    return layer("Dense", **base(name), units=units, activation=activation, use_bias=use_bias,
                 kernel_initializer=GLOROT, bias_initializer=ZEROS, kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None)


def _rnn(name, return_sequences):
    return dict(base(name), return_sequences=return_sequences, return_state=False,
                go_backwards=False, stateful=False, unroll=False, time_major=False)


def _recurrent_tail():
    return dict(kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None,
                activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, implementation=2)


def lstm(name, units, return_sequences=False):
    return layer("LSTM", **_rnn(name, return_sequences), units=units, activation="tanh",
                 recurrent_activation="sigmoid", use_bias=True, kernel_initializer=GLOROT,
                 recurrent_initializer=ORTHOGONAL, bias_initializer=ZEROS, unit_forget_bias=True,
                 **_recurrent_tail())


def gru(name, units, reset_after, return_sequences=False):
    return layer("GRU", **_rnn(name, return_sequences), units=units, activation="tanh",
                 recurrent_activation="sigmoid", use_bias=True, kernel_initializer=GLOROT,
                 recurrent_initializer=ORTHOGONAL, bias_initializer=ZEROS, **_recurrent_tail(),
                 reset_after=reset_after)


def bidirectional(name, inner, merge_mode="concat"):
    return layer("Bidirectional", **base(name), layer=inner, merge_mode=merge_mode)


def time_distributed(name, inner):
    return layer("TimeDistributed", **base(name), layer=inner)


def custom(class_name, name):
    """A user class with the base Layer.get_config (not registered anywhere)."""
    return layer(class_name, **base(name))


# ---------------------------------------------------------------- model configs

def sequential(name, layers):
    """Sequential.get_config: an InputLayer first when the model was built on keras.Input."""
    return layer("Sequential", name=name, layers=layers)


def call(layer_config, *inbound):
    """A functional-graph entry: the layer called once on (layer name, node index) inputs."""
    nodes = [[[source, node, 0, {}] for source, node in inbound]] if inbound else []
    return dict(layer_config, name=layer_config["config"]["name"], inbound_nodes=nodes)


def functional(name, layers, inputs, outputs):
    """Functional.get_config; inputs/outputs are (layer name, node index) pairs."""
    return layer("Functional", name=name, layers=layers,
                 input_layers=[[n, i, 0] for n, i in inputs],
                 output_layers=[[n, i, 0] for n, i in outputs])


def to_json(model_config):
    """Exactly what model.to_json() returns (no trailing newline)."""
    return json.dumps(dict(model_config, keras_version=KERAS_VERSION, backend=BACKEND))


# ---------------------------------------------------------------- file layout
# weights: [(layer name, [(weight name, shape), ...]), ...] in model.layers order; a layer's
# weights in _legacy_weights order (trainable, then non-trainable).

def names_attr(names):
    """save_attributes_to_hdf5_group with h5py 3: bytes list -> vlen ASCII; [] -> float64 (0,)."""
    return [n.encode("utf-8") for n in names] if names else np.asarray([])


def save_weights_to_group(f, weights):
    f.attrs["layer_names"] = names_attr([name for name, _ in weights])
    f.attrs["backend"] = BACKEND.encode("utf-8")
    f.attrs["keras_version"] = KERAS_VERSION.encode("utf-8")
    for name, tensors in sorted(weights, key=lambda entry: entry[0]):
        layer_group = group(f, name)
        layer_group.attrs["weight_names"] = names_attr([w for w, _ in tensors])
        for weight, shape in tensors:
            dataset(layer_group, weight, shape)
    group(f, "top_level_model_weights").attrs["weight_names"] = names_attr([])


def optimizer_slots(weights):
    """Legacy Adam's weights: iter, m of each trainable weight, v of each, in that order."""
    variables = [(w, shape) for _, tensors in weights for w, shape in tensors]
    slots = [("%s/iter:0" % OPTIMIZER, ())]
    for slot in ("m", "v"):
        slots += [("%s/%s/%s:0" % (OPTIMIZER, w[:-len(":0")], slot), shape) for w, shape in variables]
    return slots


def save_optimizer_weights(f, weights):
    slots = optimizer_slots(weights)
    optimizer = group(f, "optimizer_weights")
    optimizer.attrs["weight_names"] = names_attr([w for w, _ in slots])
    for weight, shape in slots:
        dataset(optimizer, weight, shape, dtype="i8" if weight.endswith("/iter:0") else "f4")
    return len(slots)


def write_model(path, model_config, weights, include_optimizer=True):
    """model.save(path) for a compiled model (include_optimizer=False: no training state).

    Returns the number of optimizer tensors written.
    """
    with create_file(path) as f:
        f.attrs["keras_version"] = KERAS_VERSION
        f.attrs["backend"] = BACKEND
        f.attrs["model_config"] = json.dumps(model_config).encode("utf-8")
        if include_optimizer:
            f.attrs["training_config"] = json.dumps(TRAINING_CONFIG).encode("utf-8")
        save_weights_to_group(group(f, "model_weights"), weights)
        return save_optimizer_weights(f, weights) if include_optimizer else 0


def write_weights_only(path, weights):
    """model.save_weights(path) to an .h5 file: the weights layout at the root, no config."""
    with create_file(path) as f:
        save_weights_to_group(f, weights)
