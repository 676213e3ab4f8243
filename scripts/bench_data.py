#!/usr/bin/python3
"""Write the benchmark inputs of scripts/bench into a folder.

Usage: /usr/bin/python3 scripts/bench_data.py OUT_DIR   (run from anywhere; needs h5py, numpy)

  OUT_DIR/small.h5    ~100 KB tf.keras 2.11 model.save() file: Input -> Embedding -> LSTM -> LSTM
                      -> Dense, compiled (legacy Adam state), model_config + model_weights with
                      layer_names / weight_names, written with scripts/keras2_layout.py
  OUT_DIR/large.h5    the same layers and layout at ~1 GB: a large Embedding plus wider LSTMs; every
                      tensor is really written (zeros), so the file takes 1 GB on disk
  OUT_DIR/folder/     1,000 small models of mixed formats: generated tf.keras 2 .h5 variants (names,
                      units, layer kinds, with and without optimizer state), copies of the fixtures in
                      testdata/keras and testdata/formats (.h5, Keras 3 .keras archives with a varied
                      model name, TF.js model.json folders) and model.to_json() files

Deterministic: the same OUT_DIR contents on every run (fixed seed, timestamp-free HDF5, fixed zip
dates). Prints one line per output and the folder's counts.
"""

import json
import os
import random
import shutil
import sys
import zipfile

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
import keras2_layout as k  # noqa: E402  (loads gen-testdata.py's timestamp-free HDF5 helpers)

REPO = os.path.dirname(_HERE)
KERAS_FIXTURES = os.path.join(REPO, "testdata", "keras")
FORMAT_FIXTURES = os.path.join(REPO, "testdata", "formats")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SEED = 8  # issue 8


# ---------------------------------------------------------------- layers and their stored tensors

def embedding(name, input_dim, output_dim, input_length):
    """tf.keras 2.11 Embedding.get_config (as built on a keras.Input: no batch_input_shape)."""
    return k.layer("Embedding", **k.base(name), input_dim=input_dim, output_dim=output_dim,
                   embeddings_initializer=k.layer("RandomUniform", minval=-0.05, maxval=0.05, seed=None),
                   embeddings_regularizer=None, activity_regularizer=None,
                   embeddings_constraint=None, mask_zero=False, input_length=input_length)


def embedding_weights(name, input_dim, output_dim):
    return [("%s/embeddings:0" % name, (input_dim, output_dim))]


def lstm_weights(name, cell, features, units):
    return [("%s/%s/kernel:0" % (name, cell), (features, 4 * units)),
            ("%s/%s/recurrent_kernel:0" % (name, cell), (units, 4 * units)),
            ("%s/%s/bias:0" % (name, cell), (4 * units,))]


def gru_weights(name, cell, features, units):
    """reset_after=True (the tf.keras 2 default): bias (2, 3u)."""
    return [("%s/%s/kernel:0" % (name, cell), (features, 3 * units)),
            ("%s/%s/recurrent_kernel:0" % (name, cell), (units, 3 * units)),
            ("%s/%s/bias:0" % (name, cell), (2, 3 * units))]


def dense_weights(name, inputs, units):
    return [("%s/kernel:0" % name, (inputs, units)), ("%s/bias:0" % name, (units,))]


def text_model(name, vocab, dim, units1, units2, classes, seq=40):
    """Input (None, seq) -> Embedding(vocab, dim) -> LSTM(units1, seq) -> LSTM(units2) -> Dense."""
    config = k.sequential(name, [
        k.input_layer("input_1", (seq,)),
        embedding("embedding", vocab, dim, seq),
        k.lstm("lstm", units1, return_sequences=True),
        k.lstm("lstm_1", units2),
        k.dense("dense", classes, activation="softmax")])
    weights = [("embedding", embedding_weights("embedding", vocab, dim)),
               ("lstm", lstm_weights("lstm", "lstm_cell", dim, units1)),
               ("lstm_1", lstm_weights("lstm_1", "lstm_cell_1", units1, units2)),
               ("dense", dense_weights("dense", units2, classes))]
    return config, weights


# ---------------------------------------------------------------- the two single files

def write_single(path, config, weights):
    k.write_model(path, config, weights)
    params = sum(elements(shape) for _, tensors in weights for _, shape in tensors)
    print("wrote %s (%d bytes on disk, %d parameters, + 2x Adam slots)"
          % (path, disk_bytes(path), params))


def elements(shape):
    count = 1
    for dim in shape:
        count *= dim
    return count


def disk_bytes(path):
    return os.stat(path).st_blocks * 512


# ---------------------------------------------------------------- the folder

def random_h5_model(rng, index):
    """A varied tf.keras 2 full model: (config, weights) with correct shapes."""
    kind = rng.choice(["lstm", "gru", "text", "mlp"])
    name = "%s_model_%04d" % (kind, index)
    suffix = "" if rng.random() < 0.5 else "_%d" % rng.randint(1, 9)
    if kind == "text":
        return text_model(name, rng.choice([50, 100, 200]), rng.choice([4, 8, 16]),
                          rng.choice([8, 16, 32]), rng.choice([8, 16]), rng.choice([2, 5, 10]),
                          seq=rng.choice([10, 20, 40]))
    if kind == "mlp":
        width = rng.choice([4, 8, 16, 32])
        layers = [k.input_layer("input" + suffix, (width,))]
        weights = []
        for depth in range(rng.randint(2, 6)):
            units = rng.choice([4, 8, 16, 32, 64])
            layer_name = "dense%s_%d" % (suffix, depth)
            layers.append(k.dense(layer_name, units, activation="relu"))
            weights.append((layer_name, dense_weights(layer_name, width, units)))
            width = units
        return k.sequential(name, layers), weights
    features, steps = rng.choice([3, 8, 16]), rng.choice([5, 10, 30])
    units, classes = rng.choice([4, 8, 16, 32]), rng.choice([1, 2, 4])
    rnn_name, dense_name = kind + suffix, "dense" + suffix
    if kind == "lstm":
        rnn, rnn_w = k.lstm(rnn_name, units), lstm_weights(rnn_name, "lstm_cell" + suffix, features, units)
    else:
        rnn = k.gru(rnn_name, units, reset_after=True)
        rnn_w = gru_weights(rnn_name, "gru_cell" + suffix, features, units)
    config = k.sequential(name, [k.input_layer("input" + suffix, (steps, features)), rnn,
                                 k.dense(dense_name, classes)])
    return config, [(rnn_name, rnn_w), (dense_name, dense_weights(dense_name, units, classes))]


def vary_keras_archive(src, dst, model_name):
    """Copy a .keras zip with config.json's model name changed; other members byte for byte."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "config.json":
                config = json.loads(data)
                config.setdefault("config", {})["name"] = model_name
                data = json.dumps(config).encode("utf-8")
            out = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            out.external_attr = info.external_attr
            zout.writestr(out, data)


def fixtures(folder, suffix):
    return sorted(name for name in os.listdir(folder) if name.endswith(suffix))


def write_folder(out):
    """1,000 models: returns {kind: count}."""
    rng = random.Random(SEED)
    os.makedirs(out)
    counts = {}

    def count(kind):
        counts[kind] = counts.get(kind, 0) + 1

    # 500 generated tf.keras 2 .h5 full models, a third without optimizer state
    for i in range(500):
        config, weights = random_h5_model(rng, i)
        k.write_model(os.path.join(out, "gen_%04d.h5" % i), config, weights,
                      include_optimizer=rng.random() < 0.67)
        count("h5 generated (tf.keras 2)")
    # 100 copies of the tf.keras 2 cross-check fixtures (mismatches, nesting, weights-only ...)
    keras_h5 = fixtures(KERAS_FIXTURES, ".h5")
    for i in range(100):
        name = keras_h5[i % len(keras_h5)]
        shutil.copyfile(os.path.join(KERAS_FIXTURES, name), os.path.join(out, "k2_%03d_%s" % (i, name)))
        count("h5 copies (testdata/keras)")
    # 50 copies of the Keras 1 and Keras 3 legacy .h5 fixtures
    other_h5 = fixtures(FORMAT_FIXTURES, ".h5")
    for i in range(50):
        name = other_h5[i % len(other_h5)]
        shutil.copyfile(os.path.join(FORMAT_FIXTURES, name), os.path.join(out, "fmt_%03d_%s" % (i, name)))
        count("h5 copies (Keras 1 / Keras 3 legacy)")
    # 150 Keras 3 .keras archives, each with its own model name
    archives = fixtures(FORMAT_FIXTURES, ".keras")
    for i in range(150):
        name = archives[i % len(archives)]
        vary_keras_archive(os.path.join(FORMAT_FIXTURES, name),
                           os.path.join(out, "k3_%03d_%s" % (i, name)), "model_%03d" % i)
        count(".keras (Keras 3)")
    # 50 TF.js layers-model folders (model.json + weight shards)
    tfjs = sorted(name for name in os.listdir(FORMAT_FIXTURES) if name.startswith("tfjs_"))
    for i in range(50):
        name = tfjs[i % len(tfjs)]
        shutil.copytree(os.path.join(FORMAT_FIXTURES, name), os.path.join(out, "tfjs_%03d_%s" % (i, name)))
        count("TF.js model.json folders")
    # 150 model.to_json() files: 130 of generated tf.keras 2 configs, 20 Keras 3 copies
    for i in range(130):
        config, _ = random_h5_model(rng, 1000 + i)
        with open(os.path.join(out, "arch_%03d.json" % i), "w", encoding="utf-8", newline="\n") as stream:
            stream.write(k.to_json(config))
        count("model.to_json() files")
    for i in range(20):
        shutil.copyfile(os.path.join(FORMAT_FIXTURES, "keras3_model.json"),
                        os.path.join(out, "k3json_%03d.json" % i))
        count("model.to_json() files")
    return counts


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    # Same five layers in both; the small one ~100 KB, the large one ~1 GB (Embedding 200k x 400
    # holds most of it; with Adam's m and v every tensor is stored three times).
    write_single(os.path.join(out_dir, "small.h5"), *text_model("text_model", 100, 8, 16, 16, 10))
    write_single(os.path.join(out_dir, "large.h5"), *text_model("text_model", 200000, 400, 512, 512, 10))
    counts = write_folder(os.path.join(out_dir, "folder"))
    for kind, n in counts.items():
        print("  %4d %s" % (n, kind))
    print("wrote %s/ (%d models)" % (os.path.join(out_dir, "folder"), sum(counts.values())))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    main(sys.argv[1])
