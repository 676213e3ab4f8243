#!/usr/bin/python3
"""Write the real-file dialect fixtures in testdata/realfiles/ with their expected verdicts.

Run from the repo root: /usr/bin/python3 scripts/gen-realfiles-fixtures.py

One small file per kind of real file the tool once misread (issue 14): tf.keras models nested
two deep in .h5, .keras archives saved on Windows (backslash group names), Keras 1 layer names
with '/', Keras 3 multi-input build_config, TFOpLambda between Dense layers, Keras 1 classes
(Convolution2D th, BatchNormalization, MaxoutDense, Highway; Convolution1D and
AtrousConvolution1D after a Lambda), a twice-encoded architecture JSON, a .keras whose weights
are an npz, a TF.js graph model and a TF.js model with a nested Sequential. Configs copy the
dialect of real files of each writer; weights are zeros. Expected numbers are worked by hand
from the declared shapes (arithmetic in each "why"), never computed by the tool under test.
"""

import io
import json
import os
import shutil
import sys
import zipfile

import h5py
import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras2_layout as k2  # noqa: E402
from h5snapshot import dumps  # noqa: E402

create_file = k2.create_file
group = k2.group
dataset = k2.dataset

OUT_DIR = os.path.join("testdata", "realfiles")
GENERATOR = "scripts/gen-realfiles-fixtures.py"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXTURES = []


def fixture(file, fmt, kind, covers, config=None):
    def register(build):
        FIXTURES.append((file, fmt, kind, covers, config, build))
        return build
    return register


def lay(name, class_name, verdict, expected, stored, why, children=None):
    entry = {"name": name, "className": class_name, "verdict": verdict,
             "expectedParams": expected, "storedParams": stored, "why": why}
    if children is not None:
        entry["children"] = children
    return entry


def expect(layers, expected, stored, findings=(), absent=(), **extra):
    out = {"layers": layers, "expectedParams": expected, "storedParams": stored,
           "findings": list(findings), "absentFindings": list(absent)}
    out.update(extra)
    return out


def write_h5(path, model_config, keras_version, layers, backend="tensorflow", full_model=True):
    """layers: [(layer group name, [(weight name, shape)])]; datasets at group/weight (nested when names have '/')."""
    with create_file(path) as f:
        f.attrs["keras_version"] = keras_version.encode("utf-8")
        f.attrs["backend"] = backend.encode("utf-8")
        if model_config is not None:
            f.attrs["model_config"] = json.dumps(model_config).encode("utf-8")
        root = group(f, "model_weights") if full_model else f
        root.attrs["layer_names"] = [name.encode("utf-8") for name, _ in layers]
        if full_model:
            root.attrs["keras_version"] = keras_version.encode("utf-8")
            root.attrs["backend"] = backend.encode("utf-8")
        for name, tensors in layers:
            layer_group = root
            for part in name.split("/"):
                layer_group = layer_group[part] if part in layer_group else group(layer_group, part)
            layer_group.attrs["weight_names"] = [w.encode("utf-8") for w, _ in tensors] if tensors else np.asarray([])
            for weight, shape in tensors:
                parent = layer_group
                parts = weight.split("/")
                for part in parts[:-1]:
                    parent = parent[part] if part in parent else group(parent, part)
                dataset(parent, parts[-1], shape)


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)


def weights_store(build):
    """A Keras 3 style weights store in memory; build(f) adds the groups."""
    tmp = os.path.join(OUT_DIR, ".store.h5")
    with create_file(tmp) as f:
        build(f)
    with open(tmp, "rb") as stream:
        data = stream.read()
    os.remove(tmp)
    return data


def vars_group(f, path, shapes):
    g = f
    for part in path.split("/"):
        g = g[part] if part in g else group(g, part)
    v = group(g, "vars")
    for i, shape in enumerate(shapes):
        dataset(v, str(i), shape)


def tfk_layer(class_name, config, inbound=None, module="keras.layers"):
    entry = {"module": module, "class_name": class_name, "config": config, "registered_name": None}
    if inbound is not None:
        entry["name"] = config["name"]
        entry["inbound_nodes"] = inbound
    return entry


# ---------------------------------------------------------------- kind 1

@fixture("tfk_nested_two_deep.h5", "tf.keras2-h5", 1,
         "tf.keras 2.4 Sequential > Sequential > Functional (Teachable Machine's shape): the inner Functional's "
         "Dense layers are stored flat under the outermost nested layer's group, sequential_2/d1/kernel:0")
def tfk_nested_two_deep(path):
    def dense(name, units, inbound=None):
        cfg = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": "linear",
               "use_bias": True}
        e = {"class_name": "Dense", "config": cfg}
        if inbound is not None:
            e["name"] = name
            e["inbound_nodes"] = [[[inbound, 0, 0, {}]]]
        return e

    inner = {"class_name": "Functional", "config": {
        "name": "inner", "layers": [
            {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [],
             "config": {"batch_input_shape": [None, 8], "dtype": "float32", "sparse": False, "ragged": False,
                        "name": "input_1"}},
            dense("d1", 4, "input_1"), dense("d2", 3, "d1")],
        "input_layers": [["input_1", 0, 0]], "output_layers": [["d2", 0, 0]]}}
    middle = {"class_name": "Sequential", "config": {"name": "sequential_2", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 8], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "inner_input"}},
        inner]}}
    outer = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 8], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "sequential_2_input"}},
        middle, dense("head", 2)]}, "keras_version": "2.4.0", "backend": "tensorflow"}
    write_h5(path, outer, "2.4.0", [
        ("sequential_2", [("d1/kernel:0", (8, 4)), ("d1/bias:0", (4,)), ("d2/kernel:0", (4, 3)), ("d2/bias:0", (3,))]),
        ("head", [("head/kernel:0", (3, 2)), ("head/bias:0", (2,))]),
    ])
    return expect([
        lay("sequential_2", "Sequential", "match", 51, 51, "d1 8*4+4 = 36 + d2 4*3+3 = 15 = 51", children=[
            lay("inner", "Functional", "match", 51, 51, "its two Dense layers", children=[
                lay("d1", "Dense", "match", 36, 36, "8*4+4 = 36"),
                lay("d2", "Dense", "match", 15, 15, "4*3+3 = 15")])]),
        lay("head", "Dense", "match", 8, 8, "3*2+2 = 8"),
    ], 59, 59, why="51 + 8 = 59")


# ---------------------------------------------------------------- kind 3

@fixture("windows_backslash.keras", "keras-zip", 3,
         "tf.keras 2.15 .keras saved on Windows: model.weights.h5 root links named layers\\conv1d, "
         "layers\\batch_normalization, layers\\dense (keras-team/keras#18528)")
def windows_backslash(path):
    def layer(class_name, cfg, build=None):
        e = tfk_layer(class_name, cfg)
        if build is not None:
            e["build_config"] = {"input_shape": build}
        return e

    config = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
        "name": "sequential", "layers": [
            layer("InputLayer", {"batch_input_shape": [None, 10, 2], "dtype": "float32", "sparse": False,
                                 "ragged": False, "name": "conv1d_input"}),
            layer("Conv1D", {"name": "conv1d", "trainable": True, "dtype": "float32", "filters": 4,
                             "kernel_size": [3], "strides": [1], "padding": "valid", "data_format": "channels_last",
                             "dilation_rate": [1], "groups": 1, "use_bias": True}, [None, 10, 2]),
            layer("BatchNormalization", {"name": "batch_normalization", "trainable": True, "dtype": "float32",
                                         "axis": [2], "center": True, "scale": True}, [None, 8, 4]),
            layer("Dense", {"name": "dense", "trainable": True, "dtype": "float32", "units": 1,
                            "use_bias": True}, [None, 8, 4])]},
        "build_config": {"input_shape": [None, 10, 2]}}

    def build(f):
        vars_group(f, "layers\\conv1d", [(3, 2, 4), (4,)])
        vars_group(f, "layers\\batch_normalization", [(4,), (4,), (4,), (4,)])
        vars_group(f, "layers\\dense", [(4, 1), (1,)])
        group(f, "vars")

    write_zip(path, [("metadata.json", json.dumps({"keras_version": "2.15.0", "date_saved": "2024-01-18@10:00:00"})),
                     ("config.json", json.dumps(config)), ("model.weights.h5", weights_store(build))])
    return expect([
        lay("conv1d", "Conv1D", "match", 28, 28, "3*2*4+4 = 28: vars/0 (3, 2, 4) + vars/1 (4,)"),
        lay("batch_normalization", "BatchNormalization", "match", 16, 16, "4*4 = 16: four (4,) vars"),
        lay("dense", "Dense", "match", 5, 5, "4*1+1 = 5 on (None, 8, 4)"),
    ], 49, 49, findings=["KI2006"], why="28 + 16 + 5 = 49")


@fixture("windows_checkpoint_dependencies.keras", "keras-zip", 3,
         "tf.keras 2.13 .keras saved on Windows: root links named _layer_checkpoint_dependencies\\conv2d and "
         "_layer_checkpoint_dependencies\\dense, with vars/0, vars/1 below them")
def windows_checkpoint_dependencies(path):
    config = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
        "name": "sequential", "layers": [
            tfk_layer("InputLayer", {"batch_input_shape": [None, 6, 6, 1], "dtype": "float32", "sparse": False,
                                     "ragged": False, "name": "conv2d_input"}),
            tfk_layer("Conv2D", {"name": "conv2d", "trainable": True, "dtype": "float32", "filters": 2,
                                 "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
                                 "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
                                 "use_bias": True}),
            tfk_layer("Flatten", {"name": "flatten", "trainable": True, "dtype": "float32",
                                  "data_format": "channels_last"}),
            tfk_layer("Dense", {"name": "dense", "trainable": True, "dtype": "float32", "units": 3,
                                "use_bias": True})]}}

    def build(f):
        vars_group(f, "_layer_checkpoint_dependencies\\conv2d", [(3, 3, 1, 2), (2,)])
        vars_group(f, "_layer_checkpoint_dependencies\\flatten", [])
        vars_group(f, "_layer_checkpoint_dependencies\\dense", [(32, 3), (3,)])

    write_zip(path, [("metadata.json", json.dumps({"keras_version": "2.13.1", "date_saved": "2023-09-01@10:00:00"})),
                     ("config.json", json.dumps(config)), ("model.weights.h5", weights_store(build))])
    return expect([
        lay("conv2d", "Conv2D", "match", 20, 20, "3*3*1*2+2 = 20, output (None, 4, 4, 2)"),
        lay("dense", "Dense", "match", 99, 99, "Flatten 4*4*2 = 32; 32*3+3 = 99"),
    ], 119, 119, findings=["KI2006"], why="20 + 99 = 119")


# ---------------------------------------------------------------- kind 4

@fixture("keras1_slash_names.h5", "keras1-h5", 4,
         "Keras 1.2.2 Sequential whose Dense is named with a TensorFlow scope, dense_1/scope/fc: layer_names "
         "holds the path and the group is nested in HDF5")
def keras1_slash_names(path):
    config = {"class_name": "Sequential", "config": [
        {"class_name": "Dense", "config": {"name": "dense_1/scope/fc", "output_dim": 3, "input_dim": 5,
                                           "batch_input_shape": [None, 5], "input_dtype": "float32",
                                           "activation": "linear", "bias": True, "trainable": True}}]}
    write_h5(path, config, "1.2.2", [
        ("dense_1/scope/fc", [("dense_1/scope/fc_W:0", (5, 3)), ("dense_1/scope/fc_b:0", (3,))])])
    return expect([lay("dense_1/scope/fc", "Dense", "match", 18, 18, "5*3+3 = 18")], 18, 18, why="18")


# ---------------------------------------------------------------- kinds 5 and 6

@fixture("keras3_multi_input_lambda.keras", "keras-zip", 5,
         "Keras 3 Functional: two Inputs (None, 50) into a Lambda whose build_config.input_shape is a list of "
         "shapes [[null, 50], [null, 50]]; the Dense after it is planned on its own recorded build_config "
         "input shape (None, 50) (KI1009), the LayerNormalization after that on the Dense's output")
def keras3_multi_input_lambda(path):
    def tensor(source):
        return {"class_name": "__keras_tensor__", "config": {"shape": [None, 50], "dtype": "float32",
                                                                "keras_history": [source, 0, 0]}}

    def layer(class_name, cfg, build, args):
        e = {"module": "keras.layers", "class_name": class_name, "config": cfg, "registered_name": None,
             "name": cfg["name"], "inbound_nodes": [{"args": args, "kwargs": {}}] if args is not None else []}
        if build is not None:
            e["build_config"] = {"input_shape": build}
        return e

    config = {"module": "keras", "class_name": "Functional", "registered_name": "Functional", "config": {
        "name": "functional", "trainable": True, "layers": [
            layer("InputLayer", {"name": "a", "batch_shape": [None, 50], "dtype": "float32", "sparse": False}, None, None),
            layer("InputLayer", {"name": "b", "batch_shape": [None, 50], "dtype": "float32", "sparse": False}, None, None),
            layer("Lambda", {"name": "merge", "trainable": True, "function": {"class_name": "__lambda__", "config": {
                "code": "ZmFrZQ==", "defaults": None, "closure": None}}, "output_shape": None},
                [[None, 50], [None, 50]], [[tensor("a"), tensor("b")]]),
            layer("Dense", {"name": "head", "trainable": True, "units": 2, "use_bias": True}, [None, 50],
                  [tensor("merge")]),
            layer("LayerNormalization", {"name": "ln", "trainable": True, "axis": [-1], "center": True,
                                         "scale": True}, [None, 2], [tensor("head")])],
        "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["ln", 0, 0]]},
        "build_config": {"input_shape": [[None, 50], [None, 50]]}}

    def build(f):
        vars_group(f, "layers/input_layer", [])
        vars_group(f, "layers/input_layer_1", [])
        vars_group(f, "layers/lambda", [])
        vars_group(f, "layers/dense", [(50, 2), (2,)])
        vars_group(f, "layers/layer_normalization", [(2,), (2,)])
        group(f, "vars")

    write_zip(path, [("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-06-01@10:00:00"})),
                     ("config.json", json.dumps(config)), ("model.weights.h5", weights_store(build))])
    return expect([
        lay("merge", "Lambda", "unverified", None, 0, "a Lambda: no rule, output unknown"),
        lay("head", "Dense", "match", 102, 102, "50*2+2 = 102 on the recorded (None, 50)"),
        lay("ln", "LayerNormalization", "match", 4, 4, "gamma (2,) + beta (2,) = 4"),
    ], 106, 106, findings=["KI1009", "KI6001"], why="102 + 4 = 106; the Lambda is unverified and unsafe")


# ---------------------------------------------------------------- kinds 6 and 7

@fixture("tfk_tfoplambda_add.h5", "tf.keras2-h5", 7,
         "tf.keras 2.13 functional .h5: Dense a and Dense b on Input (None, 6), tf.__operators__.add "
         "(TFOpLambda, module keras.src.layers.core.tf_op_layer, y as a keyword tensor), Dense out after it: "
         "the add passes (None, 4) on, so out is verified; TFOpLambda is not unsafe")
def tfk_tfoplambda_add(path):
    def dense(name, units, source):
        return tfk_layer("Dense", {"name": name, "trainable": True, "dtype": "float32", "units": units,
                                   "activation": "linear", "use_bias": True}, [[[source, 0, 0, {}]]])

    add = tfk_layer("TFOpLambda", {"name": "tf.__operators__.add", "trainable": True, "dtype": "float32",
                                   "function": "__operators__.add"},
                    [["a", 0, 0, {"y": ["b", 0, 0], "name": None}]], module="keras.src.layers.core.tf_op_layer")
    config = {"class_name": "Functional", "config": {"name": "model", "trainable": True, "layers": [
        tfk_layer("InputLayer", {"batch_input_shape": [None, 6], "dtype": "float32", "sparse": False,
                                 "ragged": False, "name": "x"}, []),
        dense("a", 4, "x"), dense("b", 4, "x"), add, dense("out", 2, "tf.__operators__.add")],
        "input_layers": [["x", 0, 0]], "output_layers": [["out", 0, 0]]},
        "keras_version": "2.13.1", "backend": "tensorflow"}
    write_h5(path, config, "2.13.1", [
        ("x", []),
        ("a", [("a/kernel:0", (6, 4)), ("a/bias:0", (4,))]),
        ("b", [("b/kernel:0", (6, 4)), ("b/bias:0", (4,))]),
        ("tf.__operators__.add", []),
        ("out", [("out/kernel:0", (4, 2)), ("out/bias:0", (2,))]),
    ])
    return expect([
        lay("a", "Dense", "match", 28, 28, "6*4+4 = 28"),
        lay("b", "Dense", "match", 28, 28, "6*4+4 = 28"),
        lay("tf.__operators__.add", "TFOpLambda", "match", 0, 0, "a TF op, no weights; (None, 4) + (None, 4)"),
        lay("out", "Dense", "match", 10, 10, "4*2+2 = 10"),
    ], 66, 66, absent=["KI6002", "KI1002"], why="28 + 28 + 0 + 10 = 66")


# ---------------------------------------------------------------- kind 8

@fixture("keras1_classes.h5", "keras1-h5", 8,
         "Keras 1.2.2 Sequential: Convolution2D dim_ordering th on (None, 3, 8, 8), BatchNormalization axis 1 "
         "(gamma, beta, running_mean, running_std; mode 0), Flatten, MaxoutDense(5, nb_feature 2), Highway")
def keras1_classes(path):
    config = {"class_name": "Sequential", "config": [
        {"class_name": "Convolution2D", "config": {
            "name": "convolution2d_1", "nb_filter": 4, "nb_row": 3, "nb_col": 3, "dim_ordering": "th",
            "border_mode": "valid", "subsample": [1, 1], "bias": True, "activation": "relu", "trainable": True,
            "batch_input_shape": [None, 3, 8, 8], "input_dtype": "float32"}},
        {"class_name": "BatchNormalization", "config": {
            "name": "batchnormalization_1", "epsilon": 0.001, "mode": 0, "axis": 1, "momentum": 0.99,
            "trainable": True}},
        {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True}},
        {"class_name": "MaxoutDense", "config": {"name": "maxoutdense_1", "output_dim": 5, "nb_feature": 2,
                                                 "bias": True, "input_dim": None, "trainable": True}},
        {"class_name": "Highway", "config": {"name": "highway_1", "activation": "linear", "bias": True,
                                             "input_dim": None, "trainable": True}}]}
    write_h5(path, config, "1.2.2", [
        ("convolution2d_1", [("convolution2d_1_W:0", (4, 3, 3, 3)), ("convolution2d_1_b:0", (4,))]),
        ("batchnormalization_1", [("batchnormalization_1_gamma:0", (4,)), ("batchnormalization_1_beta:0", (4,)),
                                  ("batchnormalization_1_running_mean:0", (4,)),
                                  ("batchnormalization_1_running_std:0", (4,))]),
        ("flatten_1", []),
        ("maxoutdense_1", [("maxoutdense_1_W:0", (2, 144, 5)), ("maxoutdense_1_b:0", (2, 5))]),
        ("highway_1", [("highway_1_W:0", (5, 5)), ("highway_1_W_carry:0", (5, 5)), ("highway_1_b:0", (5,)),
                       ("highway_1_b_carry:0", (5,))]),
    ])
    return expect([
        lay("convolution2d_1", "Convolution2D", "match", 112, 112,
            "th kernel (F, C, rows, cols) = (4, 3, 3, 3) 108 + bias 4 = 112; output (None, 4, 6, 6)"),
        lay("batchnormalization_1", "BatchNormalization", "match", 16, 16, "4 tensors of (4,) on axis 1"),
        lay("maxoutdense_1", "MaxoutDense", "match", 1450, 1450,
            "Flatten gives 4*6*6 = 144; W (2, 144, 5) 1440 + b (2, 5) 10 = 1450"),
        lay("highway_1", "Highway", "match", 60, 60, "W, W_carry (5, 5) 50 + b, b_carry (5,) 10 = 60"),
    ], 1638, 1638, why="112 + 16 + 1450 + 60 = 1638")


@fixture("keras1_lambda_conv1d.h5", "keras1-h5", 8,
         "Keras 1.2.2 Sequential: Lambda on (None, 20, 3), Convolution1D(6, 3), AtrousConvolution1D(2, 2, "
         "atrous_rate 2), Flatten, Dense(1): every weighted layer takes its input width from its stored kernel "
         "(Keras 1's 4-D (length, 1, C, F) conv kernels, dense_1_W)")
def keras1_lambda_conv1d(path):
    config = {"class_name": "Sequential", "config": [
        {"class_name": "Lambda", "config": {"name": "lambda_1", "function": ["ZmFrZQ==", None, None],
                                            "function_type": "lambda", "output_shape": None,
                                            "output_shape_type": "raw", "arguments": {},
                                            "batch_input_shape": [None, 20, 3], "input_dtype": "float32",
                                            "trainable": True}},
        {"class_name": "Convolution1D", "config": {"name": "convolution1d_1", "nb_filter": 6, "filter_length": 3,
                                                   "border_mode": "valid", "subsample_length": 1, "bias": True,
                                                   "activation": "relu", "input_dim": None, "input_length": None,
                                                   "trainable": True}},
        {"class_name": "AtrousConvolution1D", "config": {"name": "atrousconvolution1d_1", "nb_filter": 2,
                                                         "filter_length": 2, "atrous_rate": 2,
                                                         "border_mode": "valid", "subsample_length": 1,
                                                         "bias": True, "activation": "relu", "input_dim": None,
                                                         "input_length": None, "trainable": True}},
        {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True}},
        {"class_name": "Dense", "config": {"name": "dense_1", "output_dim": 1, "bias": True, "input_dim": None,
                                           "activation": "linear", "trainable": True}}]}
    write_h5(path, config, "1.2.2", [
        ("lambda_1", []),
        ("convolution1d_1", [("convolution1d_1_W:0", (3, 1, 3, 6)), ("convolution1d_1_b:0", (6,))]),
        ("atrousconvolution1d_1", [("atrousconvolution1d_1_W:0", (2, 1, 6, 2)), ("atrousconvolution1d_1_b:0", (2,))]),
        ("flatten_1", []),
        ("dense_1", [("dense_1_W:0", (32, 1)), ("dense_1_b:0", (1,))]),
    ])
    return expect([
        lay("lambda_1", "Lambda", "unverified", None, 0, "a Lambda: no rule"),
        lay("convolution1d_1", "Convolution1D", "match", 60, 60, "(3, 1, 3, 6) 54 + 6 = 60"),
        lay("atrousconvolution1d_1", "AtrousConvolution1D", "match", 26, 26, "(2, 1, 6, 2) 24 + 2 = 26"),
        lay("dense_1", "Dense", "match", 33, 33, "lengths 20 -> 18 -> 16, Flatten 16*2 = 32; 32*1+1 = 33"),
    ], 119, 119, findings=["KI1007", "KI6001"], why="60 + 26 + 33 = 119")


@fixture("keras2_legacy_maxout_highway.h5", "keras2-h5", 8,
         "Keras 2.0.8 Sequential with the legacy MaxoutDense(output_dim 3, nb_feature 2) on (None, 4) and Highway: "
         "Keras 1 config keys (output_dim, bias) and roles under the layer's scope, maxoutdense_1/W:0")
def keras2_legacy_maxout_highway(path):
    config = {"class_name": "Sequential", "keras_version": "2.0.8", "backend": "tensorflow", "config": [
        {"class_name": "MaxoutDense", "config": {"name": "maxoutdense_1", "output_dim": 3, "nb_feature": 2,
                                                 "bias": True, "input_dim": 4, "batch_input_shape": [None, 4],
                                                 "dtype": "float32", "trainable": True}},
        {"class_name": "Highway", "config": {"name": "highway_1", "activation": "linear", "bias": True,
                                             "input_dim": None, "trainable": True}}]}
    write_h5(path, config, "2.0.8", [
        ("maxoutdense_1", [("maxoutdense_1/W:0", (2, 4, 3)), ("maxoutdense_1/b:0", (2, 3))]),
        ("highway_1", [("highway_1/W:0", (3, 3)), ("highway_1/W_carry:0", (3, 3)), ("highway_1/b:0", (3,)),
                       ("highway_1/b_carry:0", (3,))]),
    ])
    return expect([
        lay("maxoutdense_1", "MaxoutDense", "match", 30, 30, "W (2, 4, 3) 24 + b (2, 3) 6 = 30"),
        lay("highway_1", "Highway", "match", 24, 24, "W, W_carry (3, 3) 18 + b, b_carry (3,) 6 = 24"),
    ], 54, 54, why="30 + 24 = 54")


# ---------------------------------------------------------------- kind 9

@fixture("twice_encoded/weights.h5", "keras2-weights-h5", 9,
         "Keras 2.0.8 save_weights file with its architecture written as json.dump(model.to_json(), f): "
         "model.json is one JSON string holding the JSON (KI1008)", config="twice_encoded/model.json")
def twice_encoded(path):
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    config = {"class_name": "Sequential", "keras_version": "2.0.8", "backend": "tensorflow", "config": [
        {"class_name": "Dense", "config": {"name": "dense_1", "units": 3, "use_bias": True,
                                           "batch_input_shape": [None, 4], "dtype": "float32",
                                           "activation": "linear", "trainable": True}}]}
    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8", newline="\n") as stream:
        json.dump(json.dumps(config), stream)
    write_h5(path, None, "2.0.8", [("dense_1", [("dense_1/kernel:0", (4, 3)), ("dense_1/bias:0", (3,))])],
             full_model=False)
    return expect([lay("dense_1", "Dense", "match", 15, 15, "4*3+3 = 15")], 15, 15, findings=["KI1008"], why="15")


# ---------------------------------------------------------------- kind 13

@fixture("keras3_npz_weights.keras", "keras-zip", 13,
         "Keras 3 archive whose weights are model.weights.npz (a NumPy archive, which may hold pickles): the "
         "config is audited alone (no-weights) and the member is unsafe (KI6003)")
def keras3_npz_weights(path):
    config = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
        "name": "sequential", "layers": [
            {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
             "config": {"batch_shape": [None, 4], "dtype": "float32", "sparse": False, "name": "input_layer"}},
            {"module": "keras.layers", "class_name": "Dense", "registered_name": None,
             "config": {"name": "dense", "trainable": True, "units": 3, "use_bias": True},
             "build_config": {"input_shape": [None, 4]}}]}}
    write_zip(path, [("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-06-01@10:00:00"})),
                     ("config.json", json.dumps(config)), ("model.weights.npz", b"PK not opened")])
    return expect([lay("dense", "Dense", "no-weights", 15, None, "4*3+3 = 15, nothing read")], 15, None,
                  findings=["KI6003"], why="15 expected, no weights read")


# ---------------------------------------------------------------- kind 11

@fixture("tfjs_graph_model/model.json", "error", 11,
         "TF.js graph model (format graph-model, modelTopology a GraphDef with node/library/versions): refused "
         "with a message saying it is a graph model with no Keras layers")
def tfjs_graph_model(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    model = {"format": "graph-model", "generatedBy": "2.15.0", "convertedBy": "TensorFlow.js Converter v4.22.0",
             "signature": {}, "modelTopology": {"node": [{"name": "x", "op": "Placeholder", "attr": {}}],
                                                "library": {}, "versions": {"producer": 1286}},
             "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": []}]}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model, separators=(",", ":")))
    return expect([], 0, None, error="TensorFlow.js graph model", why="no layers")


# ---------------------------------------------------------------- kind 2

@fixture("tfjs_nested/model.json", "tfjs-layers-json", 2,
         "TF.js layers model nested two deep: Sequential > Sequential inner_seq > Sequential deep_seq (Dense d_inner "
         "on (None, 3)), then Dense d_mid in inner_seq and Dense d_out outside; the manifest names the inner weights "
         "d_inner/kernel, d_mid/kernel, without the nested models' names")
def tfjs_nested(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)

    def dense(name, units, **extra):
        cfg = {"units": units, "activation": "linear", "use_bias": True, "name": name, "trainable": True}
        cfg.update(extra)
        return {"class_name": "Dense", "config": cfg}

    deep = {"class_name": "Sequential", "config": {"name": "deep_seq", "layers": [
        dense("d_inner", 4, batch_input_shape=[None, 3], dtype="float32")]}}
    inner = {"class_name": "Sequential", "config": {"name": "inner_seq", "layers": [deep, dense("d_mid", 5)]}}
    outer = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [inner, dense("d_out", 2)]},
             "keras_version": "tfjs-layers 4.22.0", "backend": "tensor_flow.js"}
    weights = [("d_inner/kernel", [3, 4]), ("d_inner/bias", [4]), ("d_mid/kernel", [4, 5]), ("d_mid/bias", [5]),
               ("d_out/kernel", [5, 2]), ("d_out/bias", [2])]
    model = {"format": "layers-model", "generatedBy": "TensorFlow.js tfjs-layers v4.22.0", "convertedBy": None,
             "modelTopology": outer, "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
                 {"name": n, "shape": s, "dtype": "float32"} for n, s in weights]}]}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model, separators=(",", ":")))
    with open(os.path.join(os.path.dirname(path), "group1-shard1of1.bin"), "wb") as stream:
        stream.write(np.zeros(12 + 4 + 20 + 5 + 10 + 2, dtype="<f4").tobytes())
    return expect([
        lay("inner_seq", "Sequential", "match", 41, 41, "d_inner 3*4+4 = 16 + d_mid 4*5+5 = 25 = 41", children=[
            lay("deep_seq", "Sequential", "match", 16, 16, "d_inner",
                children=[lay("d_inner", "Dense", "match", 16, 16, "3*4+4 = 16")]),
            lay("d_mid", "Dense", "match", 25, 25, "4*5+5 = 25")]),
        lay("d_out", "Dense", "match", 12, 12, "5*2+2 = 12"),
    ], 53, 53, absent=["KI2004"], why="41 + 12 = 53")


# ---------------------------------------------------------------- kind 10

@fixture("keras3_preprocessing.keras", "keras-zip", 10,
         "Keras 3 Sequential on (None, 32, 32, 3): Rescaling, Resizing(16, 16), RandomFlip, CenterCrop(12, 12), "
         "Normalization (mean (3,), variance (3,), count (), non-trainable), Conv2D(4, 3), Flatten, Dense(2); no "
         "build_config, so every shape comes from the preprocessing rules")
def keras3_preprocessing(path):
    def layer(class_name, cfg):
        return {"module": "keras.layers", "class_name": class_name, "config": cfg, "registered_name": None}

    config = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
        "name": "sequential", "layers": [
            layer("InputLayer", {"batch_shape": [None, 32, 32, 3], "dtype": "float32", "sparse": False,
                                 "name": "input_layer"}),
            layer("Rescaling", {"name": "rescaling", "scale": 0.00392156862745098, "offset": 0.0}),
            layer("Resizing", {"name": "resizing", "height": 16, "width": 16, "interpolation": "bilinear",
                               "crop_to_aspect_ratio": False, "data_format": "channels_last"}),
            layer("RandomFlip", {"name": "random_flip", "mode": "horizontal", "seed": None,
                                 "data_format": "channels_last"}),
            layer("CenterCrop", {"name": "center_crop", "height": 12, "width": 12, "data_format": "channels_last"}),
            layer("Normalization", {"name": "normalization", "axis": [-1], "mean": None, "variance": None,
                                    "invert": False}),
            layer("Conv2D", {"name": "conv2d", "filters": 4, "kernel_size": [3, 3], "strides": [1, 1],
                             "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1],
                             "groups": 1, "use_bias": True}),
            layer("Flatten", {"name": "flatten", "data_format": "channels_last"}),
            layer("Dense", {"name": "dense", "units": 2, "use_bias": True})]}}

    def build(f):
        for name in ["rescaling", "resizing", "random_flip", "center_crop", "flatten"]:
            vars_group(f, "layers/" + name, [])
        vars_group(f, "layers/normalization", [(3,), (3,), ()])
        vars_group(f, "layers/conv2d", [(3, 3, 3, 4), (4,)])
        vars_group(f, "layers/dense", [(400, 2), (2,)])
        group(f, "vars")

    write_zip(path, [("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-06-01@10:00:00"})),
                     ("config.json", json.dumps(config)), ("model.weights.h5", weights_store(build))])
    return expect([
        lay("normalization", "Normalization", "match", 7, 7, "mean (3,) + variance (3,) + count () = 7"),
        lay("conv2d", "Conv2D", "match", 112, 112, "on (None, 12, 12, 3): 3*3*3*4+4 = 112, output (None, 10, 10, 4)"),
        lay("dense", "Dense", "match", 802, 802, "Flatten 10*10*4 = 400; 400*2+2 = 802"),
    ], 921, 921, absent=["KI1001", "KI1002", "KI1009"], why="7 + 112 + 802 = 921")


@fixture("keras3_text_vectorization.json", "model-json", 10,
         "Keras 3 model.to_json(): InputLayer (None, 1) strings, TextVectorization(max_tokens 100, "
         "output_sequence_length 20), Embedding(100, 8), GlobalAveragePooling1D, Dense(1); config only")
def keras3_text_vectorization(path):
    def layer(class_name, cfg):
        return {"module": "keras.layers", "class_name": class_name, "config": cfg, "registered_name": None}

    config = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
        "name": "sequential", "layers": [
            layer("InputLayer", {"batch_shape": [None, 1], "dtype": "string", "sparse": False, "name": "text"}),
            layer("TextVectorization", {"name": "text_vectorization", "max_tokens": 100, "standardize":
                                        "lower_and_strip_punctuation", "split": "whitespace", "ngrams": None,
                                        "output_mode": "int", "output_sequence_length": 20, "pad_to_max_tokens": False,
                                        "sparse": False, "ragged": False, "vocabulary": None, "idf_weights": None,
                                        "encoding": "utf-8", "vocabulary_size": 100}),
            layer("Embedding", {"name": "embedding", "input_dim": 100, "output_dim": 8, "mask_zero": False}),
            layer("GlobalAveragePooling1D", {"name": "global_average_pooling1d", "data_format": "channels_last",
                                             "keepdims": False}),
            layer("Dense", {"name": "dense", "units": 1, "use_bias": True})]},
        "keras_version": "3.3.3", "backend": "tensorflow"}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        json.dump(config, stream)
    return expect([
        lay("text_vectorization", "TextVectorization", "no-weights", 0, None, "no weights; output (None, 20)"),
        lay("embedding", "Embedding", "no-weights", 800, None, "100*8 = 800 on (None, 20)"),
        lay("dense", "Dense", "no-weights", 9, None, "8*1+1 = 9"),
    ], 809, None, absent=["KI1001", "KI1002"], why="800 + 9 = 809")


@fixture("tfk_category_encoding.json", "model-json", 10,
         "tf.keras 2.15 model.to_json(): (None, 3) integers, CategoryEncoding(num_tokens 10, multi_hot), "
         "Dense(2); config only")
def tfk_category_encoding(path):
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3], "dtype": "int64", "sparse": False,
                                                "ragged": False, "name": "ids"}},
        {"class_name": "CategoryEncoding", "config": {"name": "category_encoding", "trainable": True,
                                                      "dtype": "float32", "num_tokens": 10,
                                                      "output_mode": "multi_hot", "sparse": False}},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": True, "units": 2, "use_bias": True}}]},
        "keras_version": "2.15.0", "backend": "tensorflow"}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        json.dump(config, stream)
    return expect([
        lay("category_encoding", "CategoryEncoding", "no-weights", 0, None, "no weights; output (None, 10)"),
        lay("dense", "Dense", "no-weights", 22, None, "10*2+2 = 22"),
    ], 22, None, absent=["KI1001", "KI1002"], why="22")


# ---------------------------------------------------------------- kind 12

@fixture("tfjs_stacked_rnn/model.json", "tfjs-layers-json", 12,
         "TF.js layers model: RNN over StackedRNNCells [LSTMCell(4), LSTMCell(3)] on (None, 5, 2), Dense(1); "
         "TF.js scopes the cells' weights RNNCell_0, RNNCell_1 (tfjs-layers StackedRNNCells.build)")
def tfjs_stacked_rnn(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)

    def cell(name, units):
        return {"class_name": "LSTMCell", "config": {
            "name": name, "trainable": True, "units": units, "activation": "tanh",
            "recurrent_activation": "hard_sigmoid", "use_bias": True, "unit_forget_bias": True,
            "dropout": 0, "recurrent_dropout": 0, "implementation": 1}}

    rnn = {"class_name": "RNN", "config": {
        "name": "rnn_RNN1", "trainable": True, "batch_input_shape": [None, 5, 2], "dtype": "float32",
        "return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
        "unroll": False, "time_major": False,
        "cell": {"class_name": "StackedRNNCells", "config": {"cells": [
            cell("lstm_cell_LSTMCell1", 4), cell("lstm_cell_LSTMCell2", 3)]}}}}
    dense = {"class_name": "Dense", "config": {"units": 1, "activation": "linear", "use_bias": True,
                                               "name": "dense_Dense1", "trainable": True}}
    topology = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [rnn, dense]},
                "keras_version": "tfjs-layers 4.22.0", "backend": "tensor_flow.js"}
    weights = [("rnn_RNN1/RNNCell_0/kernel", [2, 16]), ("rnn_RNN1/RNNCell_0/recurrent_kernel", [4, 16]),
               ("rnn_RNN1/RNNCell_0/bias", [16]), ("rnn_RNN1/RNNCell_1/kernel", [4, 12]),
               ("rnn_RNN1/RNNCell_1/recurrent_kernel", [3, 12]), ("rnn_RNN1/RNNCell_1/bias", [12]),
               ("dense_Dense1/kernel", [3, 1]), ("dense_Dense1/bias", [1])]
    model = {"format": "layers-model", "generatedBy": "TensorFlow.js tfjs-layers v4.22.0", "convertedBy": None,
             "modelTopology": topology, "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
                 {"name": n, "shape": s, "dtype": "float32"} for n, s in weights]}]}
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model, separators=(",", ":")))
    with open(os.path.join(os.path.dirname(path), "group1-shard1of1.bin"), "wb") as stream:
        stream.write(np.zeros(32 + 64 + 16 + 48 + 36 + 12 + 3 + 1, dtype="<f4").tobytes())
    return expect([
        lay("rnn_RNN1", "RNN", "match", 208, 208,
            "cell 1: 4*4*(2+4+1) = 112; cell 2 on 4: 4*3*(4+3+1) = 96; 112 + 96 = 208"),
        lay("dense_Dense1", "Dense", "match", 4, 4, "3*1+1 = 4"),
    ], 212, 212, why="208 + 4 = 212")


# ---------------------------------------------------------------- driver

def generate(out_dir):
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    entries = []
    for file, fmt, kind, covers, config, build in FIXTURES:
        path = os.path.join(out_dir, file)
        expected = build(path)
        why = expected.pop("why")
        entries.append({"file": file, "format": fmt, "kind": kind, "config": config, "generator": GENERATOR,
                        "covers": covers, "why": why, "expect": expected})
        print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))
    manifest = {
        "description": "One small file per kind of real file once misread (issue 14; 'kind' is the issue's "
                       "defect number), configs in each writer's dialect, weights all zeros. expect.layers "
                       "lists layers with (or that would have) weights: verdict, expectedParams worked by hand "
                       "from the declared shapes (arithmetic in 'why'), storedParams; findings are codes that "
                       "must be reported, absentFindings codes that must not; error, when set, is text the "
                       "refusal must contain. 'config' is the architecture file to pass with --config. "
                       "Regenerate with scripts/gen-testdata (h5py %s, HDF5 %s)."
                       % (h5py.version.version, h5py.version.hdf5_version),
        "fixtures": entries}
    with open(os.path.join(out_dir, "MANIFEST.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(manifest))


if __name__ == "__main__":
    generate(OUT_DIR)
