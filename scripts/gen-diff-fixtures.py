#!/usr/bin/python3
"""Write the diff fixtures in testdata/diff/: one model and its variants, each changed in one known way.

Run from the repo root: /usr/bin/python3 scripts/gen-diff-fixtures.py

base.h5 is a tf.keras 2.11 Sequential model (scripts/keras2_layout.py, saved without optimizer):
  input_1 (None, 10, 16) -> LSTM(32, return_sequences=True) 'lstm' -> GRU(16) 'gru'
  -> Dense(8) 'dense' -> Dense(4) 'dense_1'
Every variant is base.h5 with one change, its config and stored weights agreeing. base_tfjs/model.json
is the same model as the TF.js converter writes it (modelTopology = the Keras config, manifest
shapes; no shards). MANIFEST.json gives, per variant, the change and the parameter arithmetic worked
by hand from the formulas (docs: param-formulas.md), never by the tool. Byte-identical on every run.
"""

import copy
import json
import os
import sys

import h5py

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras2_layout as k  # noqa: E402
from h5snapshot import dumps  # noqa: E402

OUT_DIR = os.path.join("testdata", "diff")
GENERATOR = "scripts/gen-diff-fixtures.py"
STEPS, FEATURES = 10, 16


# ---------------------------------------------------------------- layers: (config, weights)
# weights: [(weight name, shape)] as tf.keras 2.11 names them, trainable first.

def lstm(name, units, features, cell="lstm_cell"):
    config = k.lstm(name, units, return_sequences=True)
    return config, [("%s/%s/kernel:0" % (name, cell), (features, 4 * units)),
                    ("%s/%s/recurrent_kernel:0" % (name, cell), (units, 4 * units)),
                    ("%s/%s/bias:0" % (name, cell), (4 * units,))]


def gru(name, units, features, reset_after=True, cell="gru_cell"):
    config = k.gru(name, units, reset_after=reset_after)
    bias = (2, 3 * units) if reset_after else (3 * units,)
    return config, [("%s/%s/kernel:0" % (name, cell), (features, 3 * units)),
                    ("%s/%s/recurrent_kernel:0" % (name, cell), (units, 3 * units)),
                    ("%s/%s/bias:0" % (name, cell), bias)]


def dense(name, units, inputs, trainable=True):
    config = k.dense(name, units)
    config["config"]["trainable"] = trainable
    return config, [("%s/kernel:0" % name, (inputs, units)), ("%s/bias:0" % name, (units,))]


def lambda_layer(name):
    """tf.keras 2.11 Lambda.get_config; 'function' would be marshalled bytecode: here inert bytes."""
    return k.gen_testdata.layer(
        "Lambda", name=name, trainable=True, dtype="float32",
        function=["ZGlmZiBmaXh0dXJlOiBub3QgYnl0ZWNvZGU=\n", None, None], function_type="lambda",
        module="__main__", output_shape=None, output_shape_type="raw", output_shape_module=None,
        arguments={}), []


def base_layers():
    return [lstm("lstm", 32, FEATURES), gru("gru", 16, 32), dense("dense", 8, 16), dense("dense_1", 4, 8)]


# ---------------------------------------------------------------- variants
# name -> (layers, change, why). The base total is worked once here and reused in every "why".

BASE_WHY = ("lstm 4*(16+32+1)*32 = 6272; gru (reset_after) 3*(32+16+2)*16 = 2400; dense 16*8+8 = 136; "
            "dense_1 8*4+4 = 36; total 6272+2400+136+36 = 8844")


def variants():
    base = base_layers()
    lstm_, gru_, dense_, dense_1 = base
    yield "base", base, "the model", BASE_WHY, 8844
    yield ("units_changed", [lstm_, gru_, dense("dense", 12, 16), dense("dense_1", 4, 12)],
           "dense units 8 -> 12 (dense_1's kernel follows: (8, 4) -> (12, 4))",
           "dense 16*12+12 = 204 (+68); dense_1 12*4+4 = 52 (+16); total 8844+68+16 = 8928 (+84)", 8928)
    yield ("layer_added", [lstm_, gru_, dense_, dense("dense_2", 8, 8), dense_1],
           "Dense(8) 'dense_2' inserted between dense and dense_1 (dense_1 now called on dense_2)",
           "dense_2 8*8+8 = 72; total 8844+72 = 8916 (+72)", 8916)
    yield ("layer_removed", [lstm_, gru_, dense("dense_1", 4, 16)],
           "dense removed (dense_1 now called on gru, its kernel (16, 4))",
           "-136 for dense; dense_1 16*4+4 = 68 (+32); total 8844-136+32 = 8740 (-104)", 8740)
    yield ("renamed_shift", [lstm("lstm_1", 32, FEATURES, cell="lstm_cell_1"), gru("gru_1", 16, 32, cell="gru_cell_1"),
                             dense("dense_2", 8, 16), dense("dense_3", 4, 8)],
           "the same model rebuilt in a session that had made layers before: Keras' automatic names "
           "shift (lstm -> lstm_1, gru -> gru_1, dense -> dense_2, dense_1 -> dense_3)",
           "no count changes: total 8844 (0)", 8844)
    yield ("renamed_custom", [lstm_, gru_, dense_, dense("classifier", 4, 8)],
           "dense_1 renamed 'classifier'", "no count changes: total 8844 (0)", 8844)
    yield ("lambda_added", [lstm_, gru_, dense_, dense_1, lambda_layer("lambda")],
           "a Lambda 'lambda' appended after dense_1 (an unsafe finding: KI6001)",
           "a Lambda has no weights: total 8844 (0)", 8844)
    yield ("gru_reset_after", [lstm_, gru("gru", 16, 32, reset_after=False), dense_, dense_1],
           "gru reset_after true -> false (bias (2, 48) -> (48,))",
           "gru 3*(32+16+1)*16 = 2352 (-48 = -3*16); total 8844-48 = 8796 (-48)", 8796)
    yield ("frozen_dense", [lstm_, gru_, dense("dense", 8, 16, trainable=False), dense_1],
           "dense trainable true -> false: its 136 parameters move to non-trainable",
           "total 8844 (0); trainable 8844 -> 8708, non-trainable 0 -> 136", 8844)


def model_config(layers):
    return k.sequential("sequential", [k.input_layer("input_1", (STEPS, FEATURES))] + [c for c, _ in layers])


def stored(layers):
    return [(c["config"]["name"], w) for c, w in layers]


def write_tfjs(folder, layers):
    """The TF.js converter's model.json of a tf.keras 2.11 model: names without ':0', HDF5 (sorted) order."""
    os.makedirs(folder, exist_ok=True)
    weights = sorted((w[:-len(":0")], list(shape)) for _, ws in layers for w, shape in ws)
    model = {"format": "layers-model", "generatedBy": "keras v" + k.KERAS_VERSION,
             "convertedBy": "TensorFlow.js Converter v3.0.0",
             "modelTopology": {"keras_version": k.KERAS_VERSION, "backend": k.BACKEND,
                               "model_config": model_config(layers)},
             "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
                 {"name": name, "shape": shape, "dtype": "float32"} for name, shape in weights]}]}
    path = os.path.join(folder, "model.json")
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(model))
    return path


def elements(shape):
    count = 1
    for dim in shape:
        count *= dim
    return count


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        if name.endswith(".h5") or name == "MANIFEST.json":
            os.remove(os.path.join(out_dir, name))
    entries = []
    for name, layers, change, why, total in variants():
        path = os.path.join(out_dir, name + ".h5")
        k.write_model(path, model_config(copy.deepcopy(layers)), stored(layers), include_optimizer=False)
        counted = sum(elements(shape) for _, ws in layers for _, shape in ws)
        assert counted == total, "%s: %d stored, %d worked by hand" % (name, counted, total)
        with h5py.File(path, "r") as h5file:
            h5file.visititems(lambda _name, _obj: None)  # h5py can open and walk it
        entries.append({"file": name + ".h5", "generator": GENERATOR, "h5py": h5py.version.version,
                        "hdf5": h5py.version.hdf5_version, "change": change, "why": why, "totalParams": total})
        print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))
    path = write_tfjs(os.path.join(out_dir, "base_tfjs"), base_layers())
    entries.append({"file": "base_tfjs/model.json", "generator": GENERATOR, "change":
                    "base.h5 as the TF.js converter writes it (manifest shapes; shard not shipped)",
                    "why": BASE_WHY, "totalParams": 8844})
    print("wrote %s (%d bytes)" % (path, os.path.getsize(path)))
    manifest = {"description": "Diff fixtures: base.h5 (tf.keras 2.11 Sequential LSTM -> GRU -> Dense -> "
                               "Dense) and variants with one change each; totalParams and the "
                               "arithmetic in 'why' are worked by hand from the formulas. "
                               "Regenerate with scripts/gen-testdata.",
                "fixtures": entries}
    with open(os.path.join(out_dir, "MANIFEST.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(manifest))


if __name__ == "__main__":
    generate(OUT_DIR)
