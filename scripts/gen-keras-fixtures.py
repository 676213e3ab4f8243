#!/usr/bin/python3
"""Write the Keras cross-check fixtures in testdata/keras/ with their expected verdicts.

Run from the repo root: /usr/bin/python3 scripts/gen-keras-fixtures.py

Each fixture is a small tf.keras 2.11 file (scripts/keras2_layout.py) whose config and stored
weights agree or disagree in one known way. Its entry in testdata/keras/MANIFEST.json holds
"expect": the verdict of every layer with weights, each tensor's expected and stored shape and
the stored dataset path, and the totals. Output is byte-identical on every run.
"""

import os
import sys
from collections import namedtuple

import h5py

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras2_layout as k  # noqa: E402
from h5snapshot import dumps  # noqa: E402

OUT_DIR = os.path.join("testdata", "keras")
GENERATOR = "scripts/gen-keras-fixtures.py"
FIXTURES = []  # (name, covers, build function returning the "expect" object)

# One weight of a layer: its role as the rules name it (kernel, forward/bias), the weight name
# Keras stores, the shape the config implies (None: no rule) and the stored shape (None: absent).
Tensor = namedtuple("Tensor", "role weight expected stored")
# A layer of layer_names (in that order): its verdict is derived from the tensors unless given;
# children: a nested model's layers, stored together in its group.
Layer = namedtuple("Layer", "name class_name tensors children verdict", defaults=((), None))


def fixture(name, covers):
    def register(build):
        FIXTURES.append((name, covers, build))
        return build
    return register


def same(role, weight, shape):
    return Tensor(role, weight, shape, shape)


def no_rule(role, weight, stored):
    return Tensor(role, weight, None, stored)


# ---------------------------------------------------------------- expectations

def elements(shape):
    count = 1
    for dim in shape:
        count *= dim
    return count


def tensor_verdict(t):
    if t.expected is None:
        return "unverified"
    if t.stored is None:
        return "missing"
    return "match" if tuple(t.expected) == tuple(t.stored) else "mismatch"


def stored_weights(layers):
    """The writer's input: every stored tensor, a nested model's flattened in layer order."""
    def flat(lay):
        if lay.children:
            return [(t.weight, t.stored) for child in lay.children for t in child.tensors]
        return [(t.weight, t.stored) for t in lay.tensors if t.stored is not None]
    return [(lay.name, flat(lay)) for lay in layers]


def expect_layer(lay, group_path):
    """group_path: the HDF5 group that holds the layer's weights (a nested model's for its layers)."""
    if lay.children:
        children = [expect_layer(child, group_path) for child in lay.children]
        verdicts = {c["verdict"] for c in children}
        return {"name": lay.name, "className": lay.class_name,
                "verdict": lay.verdict or (verdicts.pop() if len(verdicts) == 1 else None),
                "expectedParams": sum(c["expectedParams"] for c in children),
                "storedParams": sum(c["storedParams"] for c in children),
                "children": children}
    tensors = [{"name": t.role, "verdict": tensor_verdict(t),
                "expectedShape": list(t.expected) if t.expected is not None else None,
                "storedShape": list(t.stored) if t.stored is not None else None,
                "storedPath": "%s/%s" % (group_path, t.weight) if t.stored is not None else None}
               for t in lay.tensors]
    wrong = {e["verdict"] for e in tensors} - {"match"}
    assert len(wrong) <= 1, "%s mixes verdicts %s" % (lay.name, wrong)
    verdict = lay.verdict or (wrong.pop() if wrong else "match")
    unverified = verdict == "unverified"
    return {"name": lay.name, "className": lay.class_name, "verdict": verdict,
            "expectedParams": None if unverified else sum(elements(t.expected) for t in lay.tensors),
            "storedParams": sum(elements(t.stored) for t in lay.tensors if t.stored is not None),
            "tensors": tensors}


def describe(entry):
    """One layer in words, with every tensor that is not a match."""
    text = "%s %s" % (entry["name"], entry["verdict"])
    if entry["verdict"] == "unverified":
        return text + " (stored %d)" % entry["storedParams"]
    if "children" in entry:
        return text + " (%s)" % ", ".join(describe(c) for c in entry["children"])
    details = []
    for t in entry["tensors"]:
        if t["verdict"] == "mismatch":
            details.append("%s at %s expected %s, stored %s" % (
                t["name"], t["storedPath"], t["expectedShape"], t["storedShape"]))
        elif t["verdict"] == "missing":
            details.append("%s expected %s, not stored" % (t["name"], t["expectedShape"]))
    return text + (": " + "; ".join(details) if details else " (%d)" % entry["expectedParams"])


def expectation(layers, prefix, optimizer_tensors, weightless):
    entries = [expect_layer(lay, "%s/%s" % (prefix, lay.name)) for lay in layers
               if lay.tensors or lay.children]  # weightless layers are listed apart
    verified = [e for e in entries if e["verdict"] != "unverified"]
    totals = {"expectedParams": sum(e["expectedParams"] for e in verified),
              "storedParams": sum(e["storedParams"] for e in entries),
              "unverifiedLayers": len(entries) - len(verified)}
    summary = "; ".join(describe(e) for e in entries)
    summary += ". Expected %d over verified layers, stored %d; %d optimizer tensors." % (
        totals["expectedParams"], totals["storedParams"], optimizer_tensors)
    return {"summary": summary, "layers": entries, "totals": totals,
            "optimizerTensors": optimizer_tensors,
            "weightlessLayers": weightless}


def full_model(path, model_config, layers, weightless, include_optimizer=True):
    optimizer_tensors = k.write_model(path, model_config, stored_weights(layers), include_optimizer)
    return dict({"format": "tf.keras2-h5"},
                **expectation(layers, "/model_weights", optimizer_tensors, weightless))


# ---------------------------------------------------------------- shared layers

def lstm_tensors(name, features, units, kernel=None, bias=None, cell="lstm_cell"):
    """LSTM weights: 4u gates; kernel/bias override the stored shape."""
    gates = 4 * units
    return [Tensor("kernel", "%s/%s/kernel:0" % (name, cell), (features, gates), kernel or (features, gates)),
            same("recurrent_kernel", "%s/%s/recurrent_kernel:0" % (name, cell), (units, gates)),
            Tensor("bias", "%s/%s/bias:0" % (name, cell), (gates,), bias or (gates,))]


def dense_tensors(weight_prefix, inputs, units, kernel=None, bias=None, stored_bias=True):
    return [Tensor("kernel", weight_prefix + "/kernel:0", (inputs, units), kernel or (inputs, units)),
            Tensor("bias", weight_prefix + "/bias:0", (units,),
                   (bias or (units,)) if stored_bias else None)]


def lstm_then_dense(**lstm_overrides):
    """Input (None, 10, 16) -> LSTM(32) -> Dense(4): the config and its layers."""
    config = k.sequential("sequential", [k.input_layer("input_1", (10, 16)), k.lstm("lstm", 32),
                                         k.dense("dense", 4)])
    layers = [Layer("lstm", "LSTM", lstm_tensors("lstm", 16, 32, **lstm_overrides)),
              Layer("dense", "Dense", dense_tensors("dense", 32, 4))]
    return config, layers


# ---------------------------------------------------------------- fixtures

@fixture("clean_lstm", "Input (None, 10, 16) -> LSTM(32) -> Dense(4), config and weights agree; "
         "legacy Adam state (iter + m, v of 5 weights); empty top_level_model_weights group")
def clean_lstm(path):
    config, layers = lstm_then_dense()
    return full_model(path, config, layers, ["input_1"])


@fixture("wrong_input_width", "LSTM(32) configured on 16 features but its kernel stored as "
         "(8, 128), as if trained on 8 features; include_optimizer=False")
def wrong_input_width(path):
    config, layers = lstm_then_dense(kernel=(8, 128))
    return full_model(path, config, layers, ["input_1"], include_optimizer=False)


@fixture("missing_bias", "Dense(8, use_bias=True) with only dense/kernel:0 stored "
         "(weight_names lists the kernel alone)")
def missing_bias(path):
    config = k.sequential("sequential", [k.input_layer("input_1", (20,)), k.dense("dense", 8)])
    layers = [Layer("dense", "Dense", dense_tensors("dense", 20, 8, stored_bias=False))]
    return full_model(path, config, layers, ["input_1"])


@fixture("units_disagree", "Dense(10) in the config, kernel (20, 12) and bias (12,) stored; "
         "saved with include_optimizer=False: no training_config, no optimizer_weights")
def units_disagree(path):
    config = k.sequential("sequential", [k.input_layer("input_1", (20,)), k.dense("dense", 10)])
    layers = [Layer("dense", "Dense", dense_tensors("dense", 20, 10, kernel=(20, 12), bias=(12,)))]
    return full_model(path, config, layers, ["input_1"], include_optimizer=False)


@fixture("gru_reset_after_mismatch", "GRU(16, reset_after=false) in the config, but the bias "
         "stored as (2, 48), the reset_after=True layout")
def gru_reset_after_mismatch(path):
    config = k.sequential("sequential", [k.input_layer("input_1", (5, 8)),
                                         k.gru("gru", 16, reset_after=False)])
    layers = [Layer("gru", "GRU", [same("kernel", "gru/gru_cell/kernel:0", (8, 48)),
                                   same("recurrent_kernel", "gru/gru_cell/recurrent_kernel:0", (16, 48)),
                                   Tensor("bias", "gru/gru_cell/bias:0", (48,), (2, 48))])]
    return full_model(path, config, layers, ["input_1"])


@fixture("cudnn_lstm_bias", "LSTM(32) whose bias is stored as (256,) = 8u, the CuDNN layout "
         "(input and recurrent biases apart); include_optimizer=False")
def cudnn_lstm_bias(path):
    config, layers = lstm_then_dense(bias=(256,))
    return full_model(path, config, layers, ["input_1"], include_optimizer=False)


@fixture("bidirectional_timedistributed", "Bidirectional(LSTM(16, return_sequences=True)) -> "
         "TimeDistributed(Dense(3)) on (None, 12, 8): forward_lstm/backward_lstm weight names, "
         "wrapper-named TimeDistributed weights")
def bidirectional_timedistributed(path):
    config = k.sequential("sequential", [
        k.input_layer("input_1", (12, 8)),
        k.bidirectional("bidirectional", k.lstm("lstm", 16, return_sequences=True)),
        k.time_distributed("time_distributed", k.dense("dense", 3))])
    directions = []
    for direction in ("forward", "backward"):
        for t in lstm_tensors("bidirectional", 8, 16, cell="%s_lstm/lstm_cell" % direction):
            directions.append(t._replace(role="%s/%s" % (direction, t.role)))
    layers = [Layer("bidirectional", "Bidirectional", directions),
              Layer("time_distributed", "TimeDistributed", dense_tensors("time_distributed", 32, 3))]
    return full_model(path, config, layers, ["input_1"])


@fixture("unknown_layer", "Sequential Input (None, 6) -> custom MyScaling (one (6,) weight) -> "
         "Dense(2): no rule for MyScaling, so the Dense input shape is unknown; its width, 6, is read "
         "from the stored kernel and the rest (units 2, bias) is checked")
def unknown_layer(path):
    config = k.sequential("sequential", [k.input_layer("input_1", (6,)),
                                         k.custom("MyScaling", "my_scaling"), k.dense("dense", 2)])
    layers = [Layer("my_scaling", "MyScaling", [no_rule("scale", "my_scaling/scale:0", (6,))],
                    verdict="unverified"),
              Layer("dense", "Dense", dense_tensors("dense", 6, 2))]
    return full_model(path, config, layers, ["input_1"])


@fixture("unknown_layer_branch", "Functional: input_1 (None, 6) feeds custom MyScaling and "
         "Dense(2) side by side, so Dense is still verified; InputLayer in layer_names; "
         "include_optimizer=False")
def unknown_layer_branch(path):
    config = k.functional("model", [
        k.call(k.input_layer("input_1", (6,))),
        k.call(k.custom("MyScaling", "my_scaling"), ("input_1", 0)),
        k.call(k.dense("dense", 2), ("input_1", 0))],
        inputs=[("input_1", 0)], outputs=[("my_scaling", 0), ("dense", 0)])
    layers = [Layer("input_1", "InputLayer", []),
              Layer("my_scaling", "MyScaling", [no_rule("scale", "my_scaling/scale:0", (6,))],
                    verdict="unverified"),
              Layer("dense", "Dense", dense_tensors("dense", 6, 2))]
    return full_model(path, config, layers, ["input_1"], include_optimizer=False)


@fixture("weights_only", "model.save_weights() file of clean_lstm's model: layer_names and "
         "layer groups at the root, no model_config; weights_only.architecture.json is its "
         "model.to_json()")
def weights_only(path):
    config, layers = lstm_then_dense()
    k.write_weights_only(path, stored_weights(layers))
    architecture = os.path.splitext(os.path.basename(path))[0] + ".architecture.json"
    write_text(os.path.join(os.path.dirname(path), architecture), k.to_json(config))
    unverified = [Layer(lay.name, lay.class_name,
                        [no_rule(t.role, t.weight, t.stored) for t in lay.tensors], verdict="unverified")
                  for lay in layers]
    without = expectation(unverified, "", 0, [])
    with_config = expectation(layers, "", 0, ["input_1"])
    return dict({"format": "tf.keras2-weights-h5"}, **without,
                withConfig=dict({"config": architecture}, **with_config))


@fixture("nested_functional", "Functional model: input_2 -> nested Sequential (input_1 -> "
         "Dense(16) 'dense' -> Dense(4) 'dense_1') -> Dense(2) 'dense_2'; the nested model is one "
         "group whose weight_names are dense/kernel:0 ... dense_1/bias:0; inbound node index 1")
def nested_functional(path):
    inner = k.sequential("sequential", [k.input_layer("input_1", (8,)), k.dense("dense", 16),
                                        k.dense("dense_1", 4)])
    config = k.functional("model", [
        k.call(k.input_layer("input_2", (8,))),
        k.call(inner, ("input_2", 0)),
        k.call(k.dense("dense_2", 2), ("sequential", 1))],
        inputs=[("input_2", 0)], outputs=[("dense_2", 0)])
    layers = [Layer("input_2", "InputLayer", []),
              Layer("sequential", "Sequential", [], children=(
                  Layer("dense", "Dense", dense_tensors("dense", 8, 16)),
                  Layer("dense_1", "Dense", dense_tensors("dense_1", 16, 4)))),
              Layer("dense_2", "Dense", dense_tensors("dense_2", 4, 2))]
    return full_model(path, config, layers, ["input_2"])


# ---------------------------------------------------------------- driver

def write_text(path, content):
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(content)


def clean(out_dir):
    """Remove earlier outputs so a renamed fixture leaves nothing stale behind."""
    for name in os.listdir(out_dir):
        if name.endswith((".h5", ".architecture.json")) or name == "MANIFEST.json":
            os.remove(os.path.join(out_dir, name))


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    clean(out_dir)
    entries = []
    for name, covers, build in FIXTURES:
        h5_name = name + ".h5"
        h5_path = os.path.join(out_dir, h5_name)
        expect = build(h5_path)
        with h5py.File(h5_path, "r") as h5file:
            h5file.visititems(lambda name, obj: None)  # h5py can open and walk it
        entries.append({"file": h5_name, "generator": GENERATOR, "h5py": h5py.version.version,
                        "hdf5": h5py.version.hdf5_version, "covers": covers, "expect": expect})
        print("wrote %s (%d bytes)" % (h5_path, os.path.getsize(h5_path)))
    manifest = {"description": "Keras cross-check fixtures: tf.keras 2.11 files (legacy hdf5_format, "
                               "h5py 3) whose config and stored weights agree or disagree in one "
                               "known way. expect lists every layer with weights: verdict, tensors "
                               "(role name, expected and stored shape, stored dataset path) and "
                               "totals; weightlessLayers are not asserted. Regenerate with "
                               "scripts/gen-testdata.",
                "fixtures": entries}
    write_text(os.path.join(out_dir, "MANIFEST.json"), dumps(manifest))


if __name__ == "__main__":
    generate(OUT_DIR)
