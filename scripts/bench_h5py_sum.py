#!/usr/bin/python3
"""The h5py script a user would write instead of kerasinspect (the baseline of scripts/bench).

Usage: /usr/bin/python3 scripts/bench_h5py_sum.py FILE.h5...

For each file: open it, walk layer_names (under model_weights, or at the root for a
save_weights file), each layer's weight_names, and sum np.prod(shape) of the stored datasets.
Prints one line per layer and the file total. Reads shapes only, never the weight values.
"""

import sys

import h5py
import numpy as np


def text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def summarize(path):
    with h5py.File(path, "r") as f:
        weights = f["model_weights"] if "model_weights" in f else f
        total = 0
        for layer in weights.attrs.get("layer_names", []):
            layer = text(layer)
            group = weights[layer]
            count = 0
            for weight in group.attrs.get("weight_names", []):
                weight = text(weight)
                if weight in group:  # missing tensors are the user's problem: skip them
                    count += int(np.prod(group[weight].shape))
            print("%s\t%s\t%d" % (path, layer, count))
            total += count
        print("%s\ttotal\t%d" % (path, total))


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        summarize(arg)
