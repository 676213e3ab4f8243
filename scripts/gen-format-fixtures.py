#!/usr/bin/python3
"""Write the model-format fixtures in testdata/formats/ with their expected verdicts.

Run from the repo root: /usr/bin/python3 scripts/gen-format-fixtures.py

One small model per container format the reader must recognise by content: Keras 3 .keras
archives (3.12 and 3.0.5 weights layouts, a nested Functional, a Bidirectional), a Keras 3
model.to_json(), TensorFlow.js layers models (native tfjs-layers and converter output, with
and without shards), a Keras 1.2.2 HDF5 model and a Keras 3 legacy .h5 model. Configs copy the
dialect of real files of each writer (key order included); weights are zeros. The expected
numbers in MANIFEST.json are worked by hand from the parameter formulas (the arithmetic is in
each "why"), never computed by the tool under test.

Output is byte-identical on every run: HDF5 objects without timestamps (scripts/gen-testdata.py
helpers), zip entries STORED with the fixed date 1980-01-01 00:00:00, fixed JSON text.
"""

import io
import json
import os
import shutil
import sys
import tempfile
import zipfile

import h5py
import numpy as np

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras2_layout as k2  # noqa: E402  (loads gen-testdata.py's timestamp-free helpers)
from h5snapshot import dumps  # noqa: E402

create_file = k2.create_file
group = k2.group
dataset = k2.dataset
groups = k2.gen_testdata.groups

OUT_DIR = os.path.join("testdata", "formats")
GENERATOR = "scripts/gen-format-fixtures.py"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXTURES = []  # (file, format, covers, build function(out_dir) -> expect)


def fixture(file, fmt, covers):
    def register(build):
        FIXTURES.append((file, fmt, covers, build))
        return build
    return register


# ---------------------------------------------------------------- expectations

def lay(name, class_name, verdict, expected, stored, why, stored_tensors=None, children=None):
    entry = {"name": name, "className": class_name, "verdict": verdict,
             "expectedParams": expected, "storedParams": stored, "why": why}
    if stored_tensors is not None:
        entry["storedTensors"] = [{"path": p, "shape": list(s)} for p, s in stored_tensors]
    if children is not None:
        entry["children"] = children
    return entry


def expect(layers, expected, stored, weightless=(), **extra):
    out = {"layers": layers, "expectedParams": expected, "storedParams": stored,
           "weightlessLayers": list(weightless)}
    out.update(extra)
    return out


# ---------------------------------------------------------------- Keras 3 serialization

class Keras3:
    """serialize_keras_object() output as one Keras 3 version writes it.

    modern=True: 3.12 (DTypePolicy objects with shared_object_id, InputLayer "ragged",
    Orthogonal); modern=False: 3.0.5 (dtype strings, OrthogonalInitializer).
    """

    def __init__(self, modern, first_id):
        self.modern = modern
        self.policy_id = first_id
        self.next_id = first_id

    def _shared_id(self):
        self.next_id += 15072
        return self.next_id

    def dtype(self):
        if not self.modern:
            return "float32"
        return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                "registered_name": None, "shared_object_id": self.policy_id}

    def initializer(self, class_name, config, shared):
        entry = {"module": "keras.initializers", "class_name": class_name, "config": config,
                 "registered_name": None}
        if shared:
            entry["shared_object_id"] = self._shared_id()
        return entry

    @staticmethod
    def entry(class_name, config, input_shape=None, module="keras.layers"):
        out = {"module": module, "class_name": class_name, "config": config, "registered_name": None}
        if input_shape is not None:
            out["build_config"] = {"input_shape": input_shape}
        return out

    def input_layer(self, name, batch_shape):
        config = {"batch_shape": batch_shape, "dtype": "float32", "sparse": False}
        if self.modern:
            config["ragged"] = False
        config["name"] = name
        return self.entry("InputLayer", config)

    def dense(self, name, units, input_shape, activation="linear"):
        return self.entry("Dense", {
            "name": name, "trainable": True, "dtype": self.dtype(), "units": units,
            "activation": activation, "use_bias": True,
            "kernel_initializer": self.initializer("GlorotUniform", {"seed": None}, False),
            "bias_initializer": self.initializer("Zeros", {}, False),
            "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}, input_shape)

    def dropout(self, name, rate):
        return self.entry("Dropout", {"name": name, "trainable": True, "dtype": self.dtype(),
                                      "rate": rate, "seed": None, "noise_shape": None})

    def lstm(self, name, units, input_shape, go_backwards=False, return_sequences=False):
        if self.modern:
            orthogonal = ("Orthogonal", {"seed": None, "gain": 1.0})
        else:
            orthogonal = ("OrthogonalInitializer", {"gain": 1.0, "seed": None})
        return self.entry("LSTM", {
            "name": name, "trainable": True, "dtype": self.dtype(),
            "return_sequences": return_sequences, "return_state": False,
            "go_backwards": go_backwards, "stateful": False, "unroll": False,
            "zero_output_for_mask": return_sequences, "units": units, "activation": "tanh",
            "recurrent_activation": "sigmoid", "use_bias": True,
            "kernel_initializer": self.initializer("GlorotUniform", {"seed": None}, True),
            "recurrent_initializer": self.initializer(*orthogonal, True),
            "bias_initializer": self.initializer("Zeros", {}, True),
            "unit_forget_bias": True, "kernel_regularizer": None, "recurrent_regularizer": None,
            "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
            "recurrent_constraint": None, "bias_constraint": None, "dropout": 0.0,
            "recurrent_dropout": 0.0, "seed": None}, input_shape)

    def sequential_config(self, name, layers, build_input_shape):
        return {"name": name, "trainable": True, "dtype": self.dtype(), "layers": layers,
                "build_input_shape": build_input_shape}

    def compile_config(self, learning_rate=0.0010000000474974513):
        optimizer = "adam"
        if self.modern:
            optimizer = {"module": "keras.optimizers", "class_name": "Adam", "config": {
                "name": "adam", "learning_rate": learning_rate, "weight_decay": None,
                "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
                "ema_momentum": 0.99, "ema_overwrite_frequency": None, "loss_scale_factor": None,
                "gradient_accumulation_steps": None, "beta_1": 0.9, "beta_2": 0.999,
                "epsilon": 1e-07, "amsgrad": False}, "registered_name": None}
        return {"optimizer": optimizer, "loss": "mean_squared_error", "loss_weights": None,
                "metrics": None, "weighted_metrics": None, "run_eagerly": False,
                "steps_per_execution": 1, "jit_compile": False}


def keras_tensor(shape, source):
    """A Keras 3 call argument: the tensor that `source` (layer, node, index) produced."""
    return {"class_name": "__keras_tensor__",
            "config": {"shape": shape, "dtype": "float32", "keras_history": source}}


def called(entry, inbound):
    """A Functional layer entry: the layer entry plus name and {args, kwargs} call events."""
    return dict(entry, name=entry["config"]["name"], inbound_nodes=inbound)


# ---------------------------------------------------------------- Keras 3 weights store

def k3_vars(f, path, name, shapes):
    """<path>/vars with datasets 0, 1, ... (zeros); name=None: no "name" attribute (< 3.6).

    shapes: [(shape, numpy dtype)].
    """
    vars_group = groups(f, path + "/vars" if path else "vars")
    if name is not None:
        vars_group.attrs["name"] = name  # str: variable-length UTF-8, as Keras >= 3.6 writes
    for index, (shape, dtype) in enumerate(shapes):
        dataset(vars_group, str(index), shape, dtype=dtype)
    return vars_group


def f32(*shapes):
    return [(shape, "f4") for shape in shapes]


def adam_slots(trainable):
    """Keras 3 Adam's variables: iteration, learning_rate, then momentum, velocity per variable."""
    slots = [((), "i8"), ((), "f4")]
    for shape in trainable:
        slots += [(shape, "f4"), (shape, "f4")]
    return slots


def write_keras_archive(path, metadata, config, build_weights):
    """A .keras zip: metadata.json, config.json, model.weights.h5, all STORED, fixed dates."""
    tmp = tempfile.mkdtemp(prefix="gen-format-fixtures-")
    try:
        h5_path = os.path.join(tmp, "model.weights.h5")
        with create_file(h5_path) as f:
            build_weights(f)
        with open(h5_path, "rb") as stream:
            weights = stream.read()
    finally:
        shutil.rmtree(tmp)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in (("metadata.json", json.dumps(metadata).encode("utf-8")),
                           ("config.json", json.dumps(config).encode("utf-8")),
                           ("model.weights.h5", weights)):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    with open(path, "wb") as stream:
        stream.write(buffer.getvalue())


# ---------------------------------------------------------------- 1. Keras 3.12 Sequential

@fixture("keras3_sequential_lstm.keras", "keras-zip",
         "Keras 3.12.1 .keras archive: Sequential InputLayer batch_shape [null, 10, 8] -> LSTM(16) -> "
         "Dropout -> Dense(3), module/registered_name/build_config entries, DTypePolicy objects; "
         "model.weights.h5 with layers/lstm/cell/vars/0..2, empty layers/lstm/vars and "
         "layers/dropout/vars, layers/dense/vars/0..1, root vars, optimizer/vars/0..11 (Adam, "
         "excluded); every vars group has a vlen UTF-8 'name' attribute (Keras >= 3.6)")
def keras3_sequential_lstm(path):
    k = Keras3(modern=True, first_id=135954284642416)
    config = {"module": "keras", "class_name": "Sequential",
              "config": k.sequential_config("sequential", [
                  k.input_layer("input_layer", [None, 10, 8]),
                  k.lstm("lstm", 16, [None, 10, 8]),
                  k.dropout("dropout", 0.2),
                  k.dense("dense", 3, [None, 16], activation="softmax")], [None, 10, 8]),
              "registered_name": None, "build_config": {"input_shape": [None, 10, 8]},
              "compile_config": k.compile_config()}
    lstm_shapes = [(8, 64), (16, 64), (64,)]
    dense_shapes = [(16, 3), (3,)]

    def weights(f):
        k3_vars(f, "", "sequential", [])
        k3_vars(f, "layers/lstm", "lstm", [])
        k3_vars(f, "layers/lstm/cell", "lstm_cell", f32(*lstm_shapes))
        k3_vars(f, "layers/dropout", "dropout", [])
        k3_vars(f, "layers/dense", "dense", f32(*dense_shapes))
        k3_vars(f, "optimizer", "adam", adam_slots(lstm_shapes + dense_shapes))

    write_keras_archive(path, {"keras_version": "3.12.1", "date_saved": "2026-04-27@18:17:47"},
                        config, weights)
    return expect([
        lay("lstm", "LSTM", "match", 1600, 1600,
            "4*16*(8+16+1) = 64*25 = 1600: kernel (8, 64) 512 + recurrent_kernel (16, 64) 1024 + "
            "bias (64,) 64; stored the same",
            [("/layers/lstm/cell/vars/0", (8, 64)), ("/layers/lstm/cell/vars/1", (16, 64)),
             ("/layers/lstm/cell/vars/2", (64,))]),
        lay("dense", "Dense", "match", 51, 51, "16*3+3 = 51: kernel (16, 3) 48 + bias (3,) 3",
            [("/layers/dense/vars/0", (16, 3)), ("/layers/dense/vars/1", (3,))]),
    ], 1651, 1651, weightless=["dropout"], optimizerTensors=12,
        why="1600 + 51 = 1651; optimizer 2 + 2*5 = 12 tensors (iteration, learning_rate, "
            "momentum and velocity of the 5 trainable variables), never counted")


# ---------------------------------------------------------------- 2. Keras 3.12 nested Functional

@fixture("keras3_functional_nested.keras", "keras-zip",
         "Keras 3.12.1 Functional (module keras.src.models.functional, registered_name Functional): "
         "input_layer [null, 6] -> nested Sequential 'tower' (InputLayer, Dense(4) 'tower_dense', "
         "Dense(2) 'tower_out') -> Dense(1) 'head'; {args, kwargs} inbound nodes with "
         "__keras_tensor__ keras_history, single-triple input_layers/output_layers; weights under "
         "snake-cased class groups (layers/sequential/layers/dense, dense_1; layers/dense for head) "
         "whose 'name' attributes carry the real layer names; empty layers/input_layer/vars; no "
         "optimizer (not compiled)")
def keras3_functional_nested(path):
    k = Keras3(modern=True, first_id=127418830512208)
    tower = k.entry("Sequential", k.sequential_config("tower", [
        k.input_layer("input_layer_1", [None, 6]),
        k.dense("tower_dense", 4, [None, 6], activation="relu"),
        k.dense("tower_out", 2, [None, 4])], [None, 6]), [None, 6], module="keras")
    layers = [
        called(k.input_layer("input_layer", [None, 6]), []),
        called(tower, [{"args": [keras_tensor([None, 6], ["input_layer", 0, 0])],
                        "kwargs": {"training": False, "mask": None}}]),
        called(k.dense("head", 1, [None, 2], activation="sigmoid"),
               [{"args": [keras_tensor([None, 2], ["tower", 0, 0])], "kwargs": {}}]),
    ]
    config = {"module": "keras.src.models.functional", "class_name": "Functional",
              "config": {"name": "functional", "trainable": True, "layers": layers,
                         "input_layers": ["input_layer", 0, 0], "output_layers": ["head", 0, 0]},
              "registered_name": "Functional", "build_config": {"input_shape": None}}

    def weights(f):
        k3_vars(f, "", "functional", [])
        k3_vars(f, "layers/input_layer", "input_layer", [])
        k3_vars(f, "layers/sequential", "tower", [])
        k3_vars(f, "layers/sequential/layers/dense", "tower_dense", f32((6, 4), (4,)))
        k3_vars(f, "layers/sequential/layers/dense_1", "tower_out", f32((4, 2), (2,)))
        k3_vars(f, "layers/dense", "head", f32((2, 1), (1,)))

    write_keras_archive(path, {"keras_version": "3.12.1", "date_saved": "2026-04-28@09:12:03"},
                        config, weights)
    return expect([
        lay("tower", "Sequential", "match", 38, 38, "28 + 10 = 38 (its two Dense layers)", children=[
            lay("tower_dense", "Dense", "match", 28, 28, "6*4+4 = 28: kernel (6, 4) 24 + bias (4,) 4",
                [("/layers/sequential/layers/dense/vars/0", (6, 4)),
                 ("/layers/sequential/layers/dense/vars/1", (4,))]),
            lay("tower_out", "Dense", "match", 10, 10, "4*2+2 = 10: kernel (4, 2) 8 + bias (2,) 2",
                [("/layers/sequential/layers/dense_1/vars/0", (4, 2)),
                 ("/layers/sequential/layers/dense_1/vars/1", (2,))]),
        ]),
        lay("head", "Dense", "match", 3, 3, "2*1+1 = 3: kernel (2, 1) 2 + bias (1,) 1 (input width "
            "2 = tower's output)", [("/layers/dense/vars/0", (2, 1)), ("/layers/dense/vars/1", (1,))]),
    ], 41, 41, weightless=["input_layer"], optimizerTensors=0,
        why="28 + 10 + 3 = 41. The group names come from class and order (sequential, dense, "
            "dense_1), the layer names (tower, tower_dense, tower_out, head) only from the 'name' "
            "attributes and the config")


# ---------------------------------------------------------------- 3. Keras 3.0.5 layout

@fixture("keras3_no_name_attr.keras", "keras-zip",
         "Keras 3.0.5 .keras archive: Sequential InputLayer [null, 10, 8] -> LSTM(16) named "
         "'encoder' -> Dropout 'drop' -> Dense(8) 'd_a' -> Dense(3) 'd_b', dtype strings, "
         "OrthogonalInitializer, compile_config optimizer 'adam'; weights with NO 'name' "
         "attributes and NO group for the weightless Dropout, so layers must be joined to groups "
         "by snake-cased class + order: encoder -> layers/lstm, d_a -> layers/dense, d_b -> "
         "layers/dense_1; optimizer/vars/0..15")
def keras3_no_name_attr(path):
    k = Keras3(modern=False, first_id=5198838288)
    config = {"module": "keras", "class_name": "Sequential",
              "config": k.sequential_config("sequential", [
                  k.input_layer("input_layer", [None, 10, 8]),
                  k.lstm("encoder", 16, [None, 10, 8]),
                  k.dropout("drop", 0.3),
                  k.dense("d_a", 8, [None, 16], activation="relu"),
                  k.dense("d_b", 3, [None, 8])], [None, 10, 8]),
              "registered_name": None, "build_config": {"input_shape": [None, 10, 8]},
              "compile_config": k.compile_config()}
    lstm_shapes = [(8, 64), (16, 64), (64,)]
    d_a_shapes = [(16, 8), (8,)]
    d_b_shapes = [(8, 3), (3,)]

    def weights(f):
        k3_vars(f, "", None, [])
        k3_vars(f, "layers/lstm", None, [])
        k3_vars(f, "layers/lstm/cell", None, f32(*lstm_shapes))
        k3_vars(f, "layers/dense", None, f32(*d_a_shapes))
        k3_vars(f, "layers/dense_1", None, f32(*d_b_shapes))
        k3_vars(f, "optimizer", None, adam_slots(lstm_shapes + d_a_shapes + d_b_shapes))

    write_keras_archive(path, {"keras_version": "3.0.5", "date_saved": "2024-08-14@17:49:55"},
                        config, weights)
    return expect([
        lay("encoder", "LSTM", "match", 1600, 1600,
            "4*16*(8+16+1) = 1600: kernel (8, 64) + recurrent_kernel (16, 64) + bias (64,) = "
            "512 + 1024 + 64, stored in layers/lstm (class name, not 'encoder')",
            [("/layers/lstm/cell/vars/0", (8, 64)), ("/layers/lstm/cell/vars/1", (16, 64)),
             ("/layers/lstm/cell/vars/2", (64,))]),
        lay("d_a", "Dense", "match", 136, 136, "16*8+8 = 136: kernel (16, 8) 128 + bias (8,) 8, "
            "stored in layers/dense", [("/layers/dense/vars/0", (16, 8)), ("/layers/dense/vars/1", (8,))]),
        lay("d_b", "Dense", "match", 27, 27, "8*3+3 = 27: kernel (8, 3) 24 + bias (3,) 3, stored "
            "in layers/dense_1", [("/layers/dense_1/vars/0", (8, 3)), ("/layers/dense_1/vars/1", (3,))]),
    ], 1763, 1763, weightless=["drop"], optimizerTensors=16,
        why="1600 + 136 + 27 = 1763; optimizer 2 + 2*7 = 16 tensors, never counted")


# ---------------------------------------------------------------- 4. Bidirectional mismatch

@fixture("keras3_bidirectional_mismatch.keras", "keras-zip",
         "Keras 3.12.1 .keras archive: Sequential InputLayer [null, 5, 4] -> Bidirectional(LSTM(8)) "
         "-> Dense(1); weights under layers/bidirectional/{forward_layer,backward_layer}/cell/vars "
         "plus the empty layer/vars, layer/cell/vars, forward_layer/vars, backward_layer/vars and "
         "bidirectional/vars groups Keras writes; the stored backward kernel is (3, 32) instead of "
         "(4, 32)")
def keras3_bidirectional_mismatch(path):
    k = Keras3(modern=True, first_id=140230557761872)
    bidirectional = k.entry("Bidirectional", {
        "name": "bidirectional", "trainable": True, "dtype": k.dtype(),
        "layer": k.lstm("forward_lstm", 8, [None, 5, 4]),
        "merge_mode": "concat",
        "backward_layer": k.lstm("backward_lstm", 8, [None, 5, 4], go_backwards=True)},
        [None, 5, 4])
    config = {"module": "keras", "class_name": "Sequential",
              "config": k.sequential_config("sequential", [
                  k.input_layer("input_layer", [None, 5, 4]), bidirectional,
                  k.dense("dense", 1, [None, 16])], [None, 5, 4]),
              "registered_name": None, "build_config": {"input_shape": [None, 5, 4]}}

    def weights(f):
        k3_vars(f, "", "sequential", [])
        k3_vars(f, "layers/bidirectional", "bidirectional", [])
        k3_vars(f, "layers/bidirectional/backward_layer", "backward_lstm", [])
        k3_vars(f, "layers/bidirectional/backward_layer/cell", "lstm_cell",
                f32((3, 32), (8, 32), (32,)))
        k3_vars(f, "layers/bidirectional/forward_layer", "forward_lstm", [])
        k3_vars(f, "layers/bidirectional/forward_layer/cell", "lstm_cell",
                f32((4, 32), (8, 32), (32,)))
        k3_vars(f, "layers/bidirectional/layer", "lstm", [])
        k3_vars(f, "layers/bidirectional/layer/cell", "lstm_cell", [])
        k3_vars(f, "layers/dense", "dense", f32((16, 1), (1,)))

    write_keras_archive(path, {"keras_version": "3.12.1", "date_saved": "2026-05-02@14:03:21"},
                        config, weights)
    base = "/layers/bidirectional/"
    return expect([
        lay("bidirectional", "Bidirectional", "mismatch", 832, 800,
            "expected 2*4*8*(4+8+1) = 2*416 = 832: each direction kernel (4, 32) 128 + "
            "recurrent_kernel (8, 32) 256 + bias (32,) 32 = 416; stored forward 416, backward "
            "kernel (3, 32) 96 + 256 + 32 = 384, total 800; the backward kernel is the mismatch",
            [(base + "forward_layer/cell/vars/0", (4, 32)), (base + "forward_layer/cell/vars/1", (8, 32)),
             (base + "forward_layer/cell/vars/2", (32,)), (base + "backward_layer/cell/vars/0", (3, 32)),
             (base + "backward_layer/cell/vars/1", (8, 32)), (base + "backward_layer/cell/vars/2", (32,))]),
        lay("dense", "Dense", "match", 17, 17, "16*1+1 = 17 (concat of two 8-unit directions = 16)",
            [("/layers/dense/vars/0", (16, 1)), ("/layers/dense/vars/1", (1,))]),
    ], 849, 817, optimizerTensors=0, why="expected 832 + 17 = 849; stored 800 + 17 = 817")


# ---------------------------------------------------------------- 5. Keras 3 model.to_json()

@fixture("keras3_model.json", "model-json",
         "Keras 3 model.to_json(): envelope {module keras, class_name Sequential, config, "
         "registered_name null, build_config {input_shape [null, 12]}}, no keras_version; "
         "InputLayer batch_shape [null, 12] -> Dense(5) -> Dense(2) with DTypePolicy dict dtypes "
         "(no shared_object_id); config only: verdict no-weights, storedParams null")
def keras3_model_json(path):
    policy = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
              "registered_name": None}
    k = Keras3(modern=True, first_id=0)

    def dense(name, units, input_shape):
        entry = k.dense(name, units, input_shape)
        entry["config"]["dtype"] = dict(policy)
        return entry

    model = {"module": "keras", "class_name": "Sequential",
             "config": {"name": "sequential", "trainable": True, "dtype": dict(policy),
                        "layers": [k.input_layer("input_layer", [None, 12]),
                                   dense("dense", 5, [None, 12]), dense("dense_1", 2, [None, 5])],
                        "build_input_shape": [None, 12]},
             "registered_name": None, "build_config": {"input_shape": [None, 12]}}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model))  # to_json() output has no trailing newline
    return expect([
        lay("dense", "Dense", "no-weights", 65, None, "12*5+5 = 65: kernel (12, 5) 60 + bias (5,) 5"),
        lay("dense_1", "Dense", "no-weights", 12, None, "5*2+2 = 12: kernel (5, 2) 10 + bias (2,) 2"),
    ], 77, None, why="65 + 12 = 77 expected; nothing stored")


# ---------------------------------------------------------------- TensorFlow.js

TFJS_VERSION = "4.22.0"
TFJS_SPLIT = 302  # byte where shard 1 ends: inside recurrent_kernel's 4th float (bytes 288..863)


def tfjs_topology():
    """tfjs-layers 4.22 Sequential LSTM(6) on [null, 7, 3] -> Dense(2), as model.save() writes it."""
    normal = {"class_name": "VarianceScaling",
              "config": {"scale": 1, "mode": "fan_avg", "distribution": "normal", "seed": None}}
    lstm = {"class_name": "LSTM", "config": {
        "name": "lstm_LSTM1", "trainable": True, "batch_input_shape": [None, 7, 3],
        "dtype": "float32", "units": 6, "activation": "tanh", "recurrent_activation": "hard_sigmoid",
        "use_bias": True, "kernel_initializer": normal,
        "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1, "seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": None,
        "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
        "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
        "bias_constraint": None, "dropout": 0, "recurrent_dropout": 0, "implementation": None,
        "return_sequences": False, "return_state": False, "go_backwards": False,
        "stateful": False, "unroll": False}}
    dense = {"class_name": "Dense", "config": {
        "units": 2, "activation": "linear", "use_bias": True, "kernel_initializer": normal,
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "bias_constraint": None, "name": "dense_Dense1", "trainable": True}}
    return {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [lstm, dense]},
            "keras_version": "tfjs-layers " + TFJS_VERSION, "backend": "tensor_flow.js"}


TFJS_WEIGHTS = [("lstm_LSTM1/kernel", [3, 24]), ("lstm_LSTM1/recurrent_kernel", [6, 24]),
                ("lstm_LSTM1/bias", [24]), ("dense_Dense1/kernel", [6, 2]), ("dense_Dense1/bias", [2])]
TFJS_BYTES = 4 * (72 + 144 + 24 + 12 + 2)  # 254 float32 = 1016 bytes


def write_tfjs_native(folder, short_by):
    os.makedirs(folder, exist_ok=True)
    paths = ["group1-shard1of2.bin", "group1-shard2of2.bin"]
    model = {"format": "layers-model", "generatedBy": "TensorFlow.js tfjs-layers v" + TFJS_VERSION,
             "convertedBy": None, "modelTopology": tfjs_topology(),
             "weightsManifest": [{"paths": paths, "weights": [
                 {"name": name, "shape": shape, "dtype": "float32"} for name, shape in TFJS_WEIGHTS]}]}
    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model, separators=(",", ":")))  # JSON.stringify, no newline
    data = np.zeros(TFJS_BYTES // 4, dtype="<f4").tobytes()
    sizes = (TFJS_SPLIT, TFJS_BYTES - TFJS_SPLIT - short_by)
    with open(os.path.join(folder, paths[0]), "wb") as stream:
        stream.write(data[:sizes[0]])
    with open(os.path.join(folder, paths[1]), "wb") as stream:
        stream.write(data[TFJS_SPLIT:TFJS_SPLIT + sizes[1]])
    return sizes


def tfjs_native_layers():
    return [
        lay("lstm_LSTM1", "LSTM", "match", 240, 240,
            "4*6*(3+6+1) = 24*10 = 240: kernel [3, 24] 72 + recurrent_kernel [6, 24] 144 + bias "
            "[24] 24", [(name, shape) for name, shape in TFJS_WEIGHTS[:3]]),
        lay("dense_Dense1", "Dense", "match", 14, 14, "6*2+2 = 14: kernel [6, 2] 12 + bias [2] 2",
            [(name, shape) for name, shape in TFJS_WEIGHTS[3:]]),
    ]


@fixture("tfjs_lstm/model.json", "tfjs-layers-json",
         "TF.js layers model saved by tfjs-layers 4.22.0 (modelTopology = the Keras-2-style config "
         "itself, keras_version 'tfjs-layers 4.22.0', layer names lstm_LSTM1/dense_Dense1, "
         "batch_input_shape on the first layer, hard_sigmoid, null defaults) with one manifest "
         "group of 5 float32 weights cut into group1-shard1of2.bin (302 bytes) and "
         "group1-shard2of2.bin (714 bytes): recurrent_kernel straddles the shards, mid-float")
def tfjs_lstm(path):
    sizes = write_tfjs_native(os.path.dirname(path), short_by=0)
    return expect(tfjs_native_layers(), 254, 254, shardMismatch=False,
                  shardBytes={"expected": TFJS_BYTES, "actual": sum(sizes), "files": list(sizes)},
                  why="240 + 14 = 254 elements; 254*4 = 1016 bytes = 302 + 714, matching the "
                      "manifest")


@fixture("tfjs_shard_size_mismatch/model.json", "tfjs-layers-json",
         "tfjs_lstm's model.json and shards with the second shard 8 bytes short (302 + 706 = "
         "1008 of 1016 bytes): a shard-size finding, while the layer verdicts (from the "
         "manifest shapes) still match")
def tfjs_shard_size_mismatch(path):
    sizes = write_tfjs_native(os.path.dirname(path), short_by=8)
    return expect(tfjs_native_layers(), 254, 254, shardMismatch=True,
                  shardBytes={"expected": TFJS_BYTES, "actual": sum(sizes), "files": list(sizes)},
                  why="manifest: 254 float32 = 1016 bytes; files: 302 + 706 = 1008 bytes, 8 short")


@fixture("tfjs_converted_keras/model.json", "tfjs-layers-json",
         "TF.js model.json written by the converter from a tf.keras 2.4.0 model: modelTopology "
         "{keras_version 2.4.0, backend, model_config Sequential, training_config}, InputLayer "
         "[null, 3, 2] -> GRU(4, reset_after=true) -> Dense(1); manifest names keep the cell scope "
         "(gru/gru_cell/kernel), HDF5 (alphabetical) order, bias [2, 12]; one 'group': 'optimizer' "
         "entry that must be excluded; the .bin shard is absent, so no size check")
def tfjs_converted_keras(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    glorot = {"class_name": "GlorotUniform", "config": {"seed": None}}
    zeros = {"class_name": "Zeros", "config": {}}
    gru = {"class_name": "GRU", "config": {
        "name": "gru", "trainable": True, "batch_input_shape": [None, 3, 2], "dtype": "float32",
        "return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
        "unroll": False, "time_major": False, "units": 4, "activation": "tanh",
        "recurrent_activation": "sigmoid", "use_bias": True, "kernel_initializer": glorot,
        "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
        "bias_initializer": zeros, "kernel_regularizer": None, "recurrent_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "recurrent_constraint": None, "bias_constraint": None, "dropout": 0.0,
        "recurrent_dropout": 0.0, "implementation": 2, "reset_after": True}}
    dense = {"class_name": "Dense", "config": {
        "name": "dense", "trainable": True, "dtype": "float32", "units": 1, "activation": "linear",
        "use_bias": True, "kernel_initializer": glorot, "bias_initializer": zeros,
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}
    inputs = {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3, 2],
                                                     "dtype": "float32", "sparse": False,
                                                     "ragged": False, "name": "gru_input"}}
    training = {"loss": "mean_squared_error", "metrics": None, "weighted_metrics": None,
                "loss_weights": None, "optimizer_config": {"class_name": "Adam", "config": {
                    "name": "Adam", "learning_rate": 0.0010000000474974513, "decay": 0.0,
                    "beta_1": 0.8999999761581421, "beta_2": 0.9990000128746033, "epsilon": 1e-07,
                    "amsgrad": False}}}
    weights = [("dense/kernel", [4, 1]), ("dense/bias", [1]), ("gru/gru_cell/kernel", [2, 12]),
               ("gru/gru_cell/recurrent_kernel", [4, 12]), ("gru/gru_cell/bias", [2, 12])]
    entries = [{"name": name, "shape": shape, "dtype": "float32"} for name, shape in weights]
    entries.append({"name": "iter", "shape": [], "dtype": "int32", "group": "optimizer"})
    model = {"format": "layers-model", "generatedBy": "keras v2.4.0",
             "convertedBy": "TensorFlow.js Converter v3.0.0",
             "modelTopology": {"keras_version": "2.4.0", "backend": "tensorflow", "model_config": {
                 "class_name": "Sequential",
                 "config": {"name": "sequential", "layers": [inputs, gru, dense]}},
                 "training_config": training},
             "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": entries}]}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model))
    return expect([
        lay("gru", "GRU", "match", 96, 96,
            "3*4*(2+4+2) = 12*8 = 96 (reset_after: two bias rows): kernel [2, 12] 24 + "
            "recurrent_kernel [4, 12] 48 + bias [2, 12] 24", weights[2:]),
        lay("dense", "Dense", "match", 5, 5, "4*1+1 = 5: kernel [4, 1] 4 + bias [1] 1", weights[:2]),
    ], 101, 101, weightless=["gru_input"], shardMismatch=False, shardsPresent=False,
        optimizerTensors=1,
        why="96 + 5 = 101; the optimizer entry 'iter' (group optimizer) is excluded; "
            "group1-shard1of1.bin is not shipped, so there is nothing to size-check. tfjs itself "
            "rejects GRU reset_after=true (a compatibility finding is welcome, not required)")


# ---------------------------------------------------------------- 9. Keras 1.2.2 HDF5

@fixture("keras1_gru.h5", "keras1-h5",
         "Keras 1.2.2 full model (Theano-style names, no backend attribute): Sequential config as a "
         "bare LIST; GRU output_dim 5, input_dim 3, input_length 7, inner_activation, consume_less "
         "'cpu' -> Dense output_dim 2; keras_version/model_config/training_config vlen ASCII "
         "bytes; layer_names/weight_names fixed-length NULLPAD arrays; per-gate GRU tensors "
         "gru_1_W_z, _U_z, _b_z, _W_r, ... _b_h and dense_1_W, dense_1_b flat in the layer groups")
def keras1_gru(path):
    gru = {"class_name": "GRU", "config": {
        "name": "gru_1", "trainable": True, "batch_input_shape": [None, 7, 3], "input_dtype": "float32",
        "return_sequences": False, "go_backwards": False, "stateful": False, "unroll": False,
        "consume_less": "cpu", "input_dim": 3, "input_length": 7, "output_dim": 5,
        "init": "glorot_uniform", "inner_init": "orthogonal", "activation": "tanh",
        "inner_activation": "hard_sigmoid", "W_regularizer": None, "U_regularizer": None,
        "b_regularizer": None, "dropout_W": 0.0, "dropout_U": 0.0}}
    dense = {"class_name": "Dense", "config": {
        "name": "dense_1", "trainable": True, "output_dim": 2, "init": "glorot_uniform",
        "activation": "linear", "W_regularizer": None, "b_regularizer": None,
        "activity_regularizer": None, "W_constraint": None, "b_constraint": None, "bias": True,
        "input_dim": 5}}
    training = {"optimizer_config": {"class_name": "Adam", "config": {
        "lr": 0.0010000000474974513, "beta_1": 0.8999999761581421, "beta_2": 0.9990000128746033,
        "decay": 0.0, "epsilon": 1e-08}}, "loss": "mse", "metrics": None,
        "sample_weight_mode": None, "loss_weights": None}
    gru_tensors = []
    for gate in ("z", "r", "h"):
        gru_tensors += [("gru_1_W_" + gate, (3, 5)), ("gru_1_U_" + gate, (5, 5)), ("gru_1_b_" + gate, (5,))]
    dense_tensors = [("dense_1_W", (5, 2)), ("dense_1_b", (2,))]
    with create_file(path) as f:
        f.attrs["keras_version"] = b"1.2.2"
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential",
                                              "config": [gru, dense]}).encode("utf-8")
        f.attrs["training_config"] = json.dumps(training).encode("utf-8")
        weights = group(f, "model_weights")
        weights.attrs["layer_names"] = np.array([b"gru_1", b"dense_1"])
        for name, tensors in (("gru_1", gru_tensors), ("dense_1", dense_tensors)):
            layer_group = group(weights, name)
            layer_group.attrs["weight_names"] = np.array([n.encode("utf-8") for n, _ in tensors])
            for tensor, shape in tensors:
                dataset(layer_group, tensor, shape)
    return expect([
        lay("gru_1", "GRU", "match", 135, 135,
            "3*5*(3+5+1) = 15*9 = 135: three gates z, r, h each W (3, 5) 15 + U (5, 5) 25 + b (5,) 5 "
            "= 45; 3*45 = 135 (Keras 2 layout: kernel (3, 15) + recurrent_kernel (5, 15) + bias "
            "(15,))", [("/model_weights/gru_1/" + n, s) for n, s in gru_tensors]),
        lay("dense_1", "Dense", "match", 12, 12, "5*2+2 = 12: W (5, 2) 10 + b (2,) 2",
            [("/model_weights/dense_1/" + n, s) for n, s in dense_tensors]),
    ], 147, 147, optimizerTensors=0, why="135 + 12 = 147; compiled (training_config) but no "
                                          "optimizer_weights group, as Keras 1 often saved")


# ---------------------------------------------------------------- 10. Keras 3 legacy .h5

@fixture("keras3_legacy.h5", "keras3-legacy-h5",
         "Keras 3.10.0 model.save('m.h5') (legacy writer): root keras_version/backend vlen UTF-8, "
         "model_config in the hybrid dialect (layer entries {class_name, config} as legacy "
         "serialization writes them, with Keras 3 content: InputLayer batch_shape, DTypePolicy "
         "dicts, build_input_shape); weight_names are scoped variable paths without ':0' "
         "(sequential/dense/kernel) stored at model_weights/dense/sequential/dense/kernel; "
         "top_level_model_weights with an empty float64 weight_names; optimizer_weights adam/...")
def keras3_legacy(path):
    policy = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
              "registered_name": None}

    def dense(name, units):
        return {"class_name": "Dense", "config": {
            "name": name, "trainable": True, "dtype": dict(policy), "units": units,
            "activation": "linear", "use_bias": True,
            "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                   "config": {"seed": None}, "registered_name": None},
            "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros",
                                 "config": {}, "registered_name": None},
            "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}}

    model_config = {"class_name": "Sequential", "config": {
        "name": "sequential", "trainable": True, "dtype": dict(policy), "layers": [
            {"class_name": "InputLayer", "config": {"batch_shape": [None, 9], "dtype": "float32",
                                                    "sparse": False, "ragged": False,
                                                    "name": "input_layer"}},
            dense("dense", 4), dense("dense_1", 1)],
        "build_input_shape": [None, 9]}}
    training = {"loss": "mse", "loss_weights": None, "metrics": None, "weighted_metrics": None,
                "run_eagerly": False, "steps_per_execution": 1, "jit_compile": False,
                "optimizer_config": {"class_name": "Adam", "config": {
                    "name": "adam", "learning_rate": 0.0010000000474974513, "weight_decay": None,
                    "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                    "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
                    "loss_scale_factor": None, "gradient_accumulation_steps": None, "beta_1": 0.9,
                    "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}
    layers = [("dense", [("sequential/dense/kernel", (9, 4)), ("sequential/dense/bias", (4,))]),
              ("dense_1", [("sequential/dense_1/kernel", (4, 1)), ("sequential/dense_1/bias", (1,))])]
    optimizer = [("adam/iteration", (), "i8"), ("adam/learning_rate", (), "f4")]
    for _, tensors in layers:
        for weight, shape in tensors:
            flat = weight.replace("/", "_")
            optimizer += [("adam/%s_momentum" % flat, shape, "f4"), ("adam/%s_velocity" % flat, shape, "f4")]
    with create_file(path) as f:
        f.attrs["keras_version"] = "3.10.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(model_config).encode("utf-8")
        f.attrs["training_config"] = json.dumps(training).encode("utf-8")
        weights = group(f, "model_weights")
        weights.attrs["layer_names"] = [name.encode("utf-8") for name, _ in layers]
        weights.attrs["backend"] = b"tensorflow"
        weights.attrs["keras_version"] = b"3.10.0"
        for name, tensors in layers:
            layer_group = group(weights, name)
            layer_group.attrs["weight_names"] = [w.encode("utf-8") for w, _ in tensors]
            for weight, shape in tensors:
                dataset(layer_group, weight, shape)
        group(weights, "top_level_model_weights").attrs["weight_names"] = np.asarray([])
        state = group(f, "optimizer_weights")
        state.attrs["weight_names"] = [w.encode("utf-8") for w, _, _ in optimizer]
        for weight, shape, dtype in optimizer:
            dataset(state, weight, shape, dtype=dtype)
    return expect([
        lay("dense", "Dense", "match", 40, 40, "9*4+4 = 40: kernel (9, 4) 36 + bias (4,) 4",
            [("/model_weights/dense/" + w, s) for w, s in layers[0][1]]),
        lay("dense_1", "Dense", "match", 5, 5, "4*1+1 = 5: kernel (4, 1) 4 + bias (1,) 1",
            [("/model_weights/dense_1/" + w, s) for w, s in layers[1][1]]),
    ], 45, 45, optimizerTensors=len(optimizer),
        why="40 + 5 = 45; optimizer 2 + 2*4 = 10 tensors, never counted")


# ---------------------------------------------------------------- driver

def clean(out_dir):
    """Remove earlier outputs so a renamed fixture leaves nothing stale behind."""
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)


def generate(out_dir):
    clean(out_dir)
    entries = []
    for file, fmt, covers, build in FIXTURES:
        path = os.path.join(out_dir, file)
        expected = build(path)
        why = expected.pop("why")
        entries.append({"file": file, "format": fmt, "config": None, "generator": GENERATOR,
                        "covers": covers, "why": why, "expect": expected})
        print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))
    manifest = {
        "description": "One small model per file format (Keras 3 .keras archives, Keras 3 "
                       "to_json, TF.js layers model.json with and without shards, Keras 1.2.2 "
                       "and Keras 3 legacy HDF5), configs in each writer's own dialect, weights "
                       "all zeros. expect.layers lists every layer that has (or, for config-only "
                       "files, would have) weights, nested models with children: verdict, "
                       "expectedParams from the formulas (arithmetic in 'why'), storedParams "
                       "(null when nothing is stored) and storedTensors (dataset path in the "
                       "HDF5 store, or the manifest name, with its shape); weightlessLayers, "
                       "optimizerTensors and shardBytes are informational. 'config' is the "
                       "architecture file to pass with --config, null when the file carries its "
                       "own. Worked by hand, never by the tool. Regenerate with "
                       "scripts/gen-testdata (h5py %s, HDF5 %s)."
                       % (h5py.version.version, h5py.version.hdf5_version),
        "fixtures": entries}
    with open(os.path.join(out_dir, "MANIFEST.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(manifest))


if __name__ == "__main__":
    generate(OUT_DIR)
