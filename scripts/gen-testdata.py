#!/usr/bin/python3
"""Write the HDF5 fixtures in testdata/hdf5/ with their h5py expectations.

Run from the repo root: /usr/bin/python3 scripts/gen-testdata.py [--census]

Each fixture X.h5 gets X.expected.json (scripts/h5snapshot.py's snapshot of it) and an
entry in testdata/hdf5/MANIFEST.json. Output is byte-identical on every run: no
timestamps (track_times off for datasets, object times off for groups), no randomness.
--census also runs ../shared/tools/hdf5_census.py on each fixture.
"""

import argparse
import json
import os
import subprocess
import sys

import h5py
import numpy as np
from h5py import h5a, h5g, h5p, h5s, h5t

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from h5snapshot import dumps, snapshot  # noqa: E402

OUT_DIR = os.path.join("testdata", "hdf5")
GENERATOR = "scripts/gen-testdata.py"
CENSUS = os.path.join("..", "shared", "tools", "hdf5_census.py")
KERAS_ATTR_LIMIT = 64512  # bytes; Keras splits a name list into <name>0, <name>1, ... above this
ORDER = h5p.CRT_ORDER_TRACKED | h5p.CRT_ORDER_INDEXED
FIXTURES = []  # (name, covers, build function)


def fixture(name, covers):
    def register(build):
        FIXTURES.append((name, covers, build))
        return build
    return register


# ---------------------------------------------------------------- low-level helpers

def create_file(path, libver=None, track_order=False, userblock=0):
    """Like h5py.File(path, 'w', ...) but with object timestamps switched off.

    h5py has no switch for group times, and version 2 object headers (libver='latest'
    or track_order) store them, which would make the bytes differ on every run.
    """
    fcpl = h5p.create(h5p.FILE_CREATE)
    fcpl.set_obj_track_times(False)
    if track_order:
        fcpl.set_link_creation_order(ORDER)
        fcpl.set_attr_creation_order(ORDER)
    if userblock:
        fcpl.set_userblock(userblock)
    fapl = h5p.create(h5p.FILE_ACCESS)
    if libver == "latest":
        fapl.set_libver_bounds(h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
    fid = h5py.h5f.create(path.encode("utf-8"), h5py.h5f.ACC_TRUNC, fcpl=fcpl, fapl=fapl)
    return h5py.File(fid)


def link_plist(name):
    """The link creation list h5py would use for this name.

    h5py marks only non-ASCII names as UTF-8, and libhdf5 stores a UTF-8 link as a link
    message, which turns the parent into a new-style group even in a default-libver file.
    """
    lcpl = h5p.create(h5p.LINK_CREATE)
    lcpl.set_create_intermediate_group(True)
    lcpl.set_char_encoding(h5t.CSET_ASCII if name.isascii() else h5t.CSET_UTF8)
    return lcpl


def group(parent, name, track_order=False):
    """Create one child group without timestamps; return it."""
    gcpl = h5p.create(h5p.GROUP_CREATE)
    gcpl.set_obj_track_times(False)
    if track_order:
        gcpl.set_link_creation_order(ORDER)
        gcpl.set_attr_creation_order(ORDER)
    h5g.create(parent.id, name.encode("utf-8"), lcpl=link_plist(name), gcpl=gcpl)
    return parent[name]


def groups(parent, path):
    """Create (or reuse) every group along a relative path; return the last one."""
    for name in path.split("/"):
        parent = parent[name] if name in parent else group(parent, name)
    return parent


def dataset(parent, path, shape, dtype="f4", write=True):
    """Create a dataset at a relative path (parents created timestamp-free).

    write=True stores zeros, so the layout has an allocated address like Keras files;
    write=False leaves the storage unallocated (address undefined).
    """
    head, _, leaf = path.rpartition("/")
    owner = groups(parent, head) if head else parent
    data = np.zeros(shape, dtype=dtype) if write else None
    return owner.create_dataset(leaf, shape=shape, dtype=dtype, data=data, track_times=False)


def raw_string_attr(obj, name, values, size, pad, cset):
    """A fixed-length string attribute with an exact padding and character set.

    values: bytes (scalar) or list of bytes (rank 1), written byte-for-byte.
    """
    tid = h5t.C_S1.copy()
    tid.set_size(size)
    tid.set_strpad(pad)
    tid.set_cset(cset)
    scalar = isinstance(values, bytes)
    space = h5s.create(h5s.SCALAR) if scalar else h5s.create_simple((len(values),))
    aid = h5a.create(obj.id, name.encode("utf-8"), tid, space)
    aid.write(np.array(values, dtype="S%d" % size), mtype=tid)


def fixed_strings(names):
    """h5py 2 / Keras chunk style: numpy 'S' array, NULL-padded, width = longest name."""
    data = [n.encode("utf-8") for n in names]
    return np.array(data, dtype="S%d" % max(len(b) for b in data))


def string_kinds(obj):
    """One attribute of each string storage kind (at most 8, so attributes stay compact)."""
    obj.attrs["vlen_utf8"] = "UTF-8 vlen: café 日本"
    obj.attrs["vlen_ascii"] = b"ASCII vlen"
    obj.attrs["fixed_nullpad"] = np.bytes_(b"nullpad")
    raw_string_attr(obj, "fixed_nullpad_utf8", "é日本".encode("utf-8") + b"\0\0", 9,
                    h5t.STR_NULLPAD, h5t.CSET_UTF8)
    raw_string_attr(obj, "fixed_nullterm", b"nullterm\0\0\0\0", 12, h5t.STR_NULLTERM, h5t.CSET_ASCII)
    raw_string_attr(obj, "fixed_spacepad", b"spacepad    ", 12, h5t.STR_SPACEPAD, h5t.CSET_ASCII)
    obj.attrs["vlen_array"] = ["first", "second", "drittes ü"]
    obj.attrs["fixed_array"] = fixed_strings(["a", "bb", "ccc"])


# ---------------------------------------------------------------- Keras layout

def layer(class_name, **config):
    return {"class_name": class_name, "config": dict(config)}


def sequential_config():
    """tf.keras 2.x Sequential: Embedding(100, 16) -> LSTM(32) -> Dropout -> Dense(10)."""
    glorot = layer("GlorotUniform", seed=None)
    zeros = layer("Zeros")
    return layer("Sequential", name="sequential", layers=[
        layer("InputLayer", batch_input_shape=[None, 20], dtype="float32", sparse=False,
              ragged=False, name="embedding_input"),
        layer("Embedding", name="embedding", trainable=True, batch_input_shape=[None, 20],
              dtype="float32", input_dim=100, output_dim=16,
              embeddings_initializer=layer("RandomUniform", minval=-0.05, maxval=0.05, seed=None),
              embeddings_regularizer=None, activity_regularizer=None,
              embeddings_constraint=None, mask_zero=False, input_length=20),
        layer("LSTM", name="lstm", trainable=True, dtype="float32", return_sequences=False,
              return_state=False, go_backwards=False, stateful=False, unroll=False,
              time_major=False, units=32, activation="tanh", recurrent_activation="sigmoid",
              use_bias=True, kernel_initializer=glorot,
              recurrent_initializer=layer("Orthogonal", gain=1.0, seed=None),
              bias_initializer=zeros, unit_forget_bias=True, kernel_regularizer=None,
              recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None,
              kernel_constraint=None, recurrent_constraint=None, bias_constraint=None,
              dropout=0.0, recurrent_dropout=0.0, implementation=2),
        layer("Dropout", name="dropout", trainable=True, dtype="float32", rate=0.2,
              noise_shape=None, seed=None),
        layer("Dense", name="dense", trainable=True, dtype="float32", units=10,
              activation="softmax", use_bias=True, kernel_initializer=glorot,
              bias_initializer=zeros, kernel_regularizer=None, bias_regularizer=None,
              activity_regularizer=None, kernel_constraint=None, bias_constraint=None),
    ])


TRAINING_CONFIG = {
    "loss": "categorical_crossentropy", "metrics": ["accuracy"], "weighted_metrics": None,
    "loss_weights": None,
    "optimizer_config": layer("Adam", name="Adam", learning_rate=0.001, decay=0.0,
                              beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False),
}

# layer name -> [(weight name, shape)], in Keras' order
KERAS_WEIGHTS = [
    ("embedding", [("embedding/embeddings:0", (100, 16))]),
    ("lstm", [("lstm/lstm_cell/kernel:0", (16, 128)),
              ("lstm/lstm_cell/recurrent_kernel:0", (32, 128)),
              ("lstm/lstm_cell/bias:0", (128,))]),
    ("dropout", []),
    ("dense", [("dense/kernel:0", (32, 10)), ("dense/bias:0", (10,))]),
]
OPTIMIZER_WEIGHTS = [("Adam/dense/kernel/m:0", (32, 10)), ("Adam/dense/bias/m:0", (10,)),
                     ("Adam/dense/kernel/v:0", (32, 10)), ("Adam/dense/bias/v:0", (10,))]


def h5py3_strings(value, utf8=False):
    """h5py 3: str -> vlen UTF-8, bytes -> vlen ASCII, list of bytes -> vlen ASCII array."""
    if isinstance(value, list):
        return [v.encode("utf-8") for v in value] if value else np.asarray([])
    return value if utf8 else value.encode("utf-8")


def h5py2_strings(value, utf8=False):
    """h5py 2 style: every string fixed-length NULLPAD; empty list -> float64 (0,)."""
    if isinstance(value, list):
        return fixed_strings(value) if value else np.asarray([])
    return np.bytes_(value.encode("utf-8"))


def write_keras2(f, strings):
    """The tf.keras 2.x full-model layout (model_config + model_weights + optimizer_weights)."""
    f.attrs["backend"] = strings("tensorflow", utf8=True)
    f.attrs["keras_version"] = strings("2.11.0", utf8=True)
    f.attrs["model_config"] = strings(json.dumps(sequential_config()))
    f.attrs["training_config"] = strings(json.dumps(TRAINING_CONFIG))
    weights = group(f, "model_weights")
    weights.attrs["layer_names"] = strings([name for name, _ in KERAS_WEIGHTS])
    weights.attrs["backend"] = strings("tensorflow")
    weights.attrs["keras_version"] = strings("2.11.0")
    for name, tensors in KERAS_WEIGHTS:
        layer_group = group(weights, name)
        layer_group.attrs["weight_names"] = strings([w for w, _ in tensors])
        for weight, shape in tensors:
            dataset(layer_group, weight, shape)
    optimizer = group(f, "optimizer_weights")
    names = ["Adam/iter:0"] + [w for w, _ in OPTIMIZER_WEIGHTS]
    optimizer.attrs["weight_names"] = strings(names)
    dataset(optimizer, "Adam/iter:0", (), dtype="i8")
    for weight, shape in OPTIMIZER_WEIGHTS:
        dataset(optimizer, weight, shape)


def keras_split(names):
    """Split like Keras: the fewest equal-ish pieces whose byte size fits the limit."""
    data = fixed_strings(names)
    pieces = 1
    while any(p.nbytes > KERAS_ATTR_LIMIT for p in np.array_split(data, pieces)):
        pieces += 1
    return np.array_split(data, pieces)


# ---------------------------------------------------------------- fixtures

@fixture("keras2_h5py3", "tf.keras 2 full model as h5py 3 writes it: vlen UTF-8/ASCII scalars, "
         "vlen ASCII name arrays, empty float64 weight_names, nested layer groups, int64 scalar")
def keras2_h5py3(path):
    with create_file(path) as f:
        write_keras2(f, h5py3_strings)


@fixture("keras2_h5py2_fixed", "same Keras layout in h5py 2 style: every string attribute "
         "fixed-length NULLPAD ASCII (scalars and arrays)")
def keras2_h5py2_fixed(path):
    with create_file(path) as f:
        write_keras2(f, h5py2_strings)


@fixture("chunked_attrs", "Keras-split name lists: layer_names0..2 (3 x 300 fixed strings) and "
         "weight_names0..1 on a layer group; attribute messages in continuation blocks")
def chunked_attrs(path):
    layer_names = ["encoder_stack/transformer_block_%04d/%s" % (i, "self_attention_" * 8)
                   for i in range(900)]
    weight_names = ["big_layer/sublayer_%04d/%s/kernel:0" % (i, "projection_" * 13)
                    for i in range(400)]
    with create_file(path) as f:
        f.attrs["keras_version"] = "2.11.0"
        weights = group(f, "model_weights")
        weights.attrs["backend"] = b"tensorflow"
        for i, piece in enumerate(keras_split(layer_names)):
            weights.attrs["layer_names%d" % i] = piece
        big_layer = group(weights, "big_layer")
        for i, piece in enumerate(keras_split(weight_names)):
            big_layer.attrs["weight_names%d" % i] = piece


@fixture("nested_groups", "group nesting depth 10, attributes at several levels, "
         "an empty group, a dataset at the deepest level")
def nested_groups(path):
    with create_file(path) as f:
        f.attrs["depth"] = np.int64(10)
        node = f
        for level in range(1, 11):
            node = group(node, "level%02d" % level)
            if level % 3 == 1:
                node.attrs["level"] = np.int64(level)
                node.attrs["name"] = "level %d" % level
            if level == 4:
                group(node, "empty")
        dataset(node, "leaf:0", (3, 2))
        group(f, "sibling").attrs["note"] = b"a shallow sibling after the deep chain"


@fixture("ranks", "datasets of rank 0-5, float16/32/64, int8/32/64, uint8, fixed and vlen "
         "strings, a zero-length dimension, unallocated storage, attributes on a dataset, "
         "enum/compound ('other') and a null-dataspace attribute")
def ranks(path):
    specs = [
        ("scalar_int64", (), "i8"), ("scalar_float32", (), "f4"),
        ("rank1_float16", (7,), "f2"), ("rank2_float32", (3, 4), "f4"),
        ("rank3_float64", (2, 3, 4), "f8"), ("rank4_int8", (2, 3, 4, 5), "i1"),
        ("rank5_int32", (1, 2, 3, 4, 5), "i4"), ("rank1_int64", (6,), "i8"),
        ("rank1_uint8", (8,), "u1"), ("zero_length", (0, 16), "f4"),
        ("strings_fixed", (4,), "S8"), ("strings_vlen", (3,), h5py.string_dtype()),
    ]
    with create_file(path) as f:
        for name, shape, dtype in specs:
            dataset(f, name, shape, dtype=dtype, write=False)
        with_attrs = dataset(f, "with_attrs", (4, 4), write=False)
        with_attrs.attrs["units"] = "meters"
        with_attrs.attrs["scale"] = np.float64(0.25)
        with_attrs.attrs["tags"] = [b"a", b"b"]
        with_attrs.attrs["flag"] = np.bool_(True)  # HDF5 enum: dtype "other", value null
        with_attrs.attrs["nothing"] = h5py.Empty("f4")  # null dataspace: shape null
        dataset(f, "compound", (2,), dtype=np.dtype([("a", "i4"), ("b", "f8")]), write=False)


@fixture("many_links", "one group with 300 child groups + 50 datasets: v1 B-tree of level 1 "
         "with many SNODs")
def many_links(path):
    with create_file(path) as f:
        weights = group(f, "model_weights")
        for i in range(300):
            group(weights, "layer_%04d" % i)
        for i in range(50):
            dataset(weights, "kernel_%04d" % i, (2,), write=False)


@fixture("libver_latest", "libver='latest': superblock v2/v3, OHDR v2 with checksums, link "
         "messages, v3 attribute messages, dataspace v2, layout v4; every string kind")
def libver_latest(path):
    with create_file(path, libver="latest") as f:
        string_kinds(f)
        sub = groups(f, "outer/middle/inner")
        sub.attrs["int64"] = np.int64(-7)
        sub.attrs["float64_array"] = np.array([1.5, -2.25, 3e10])
        sub.attrs["float32"] = np.float32(0.5)
        sub.attrs["empty_list"] = np.asarray([])
        sub.attrs["int32_array"] = np.array([1, 2, 3], dtype="i4")
        dataset(sub, "kernel:0", (4, 3))
        dataset(f, "outer/iter:0", (), dtype="i8")
        dataset(f, "outer/unwritten", (5, 5), write=False)
        group(f, "empty")


@fixture("track_order", "default libver with track_order=True on the file and some groups: "
         "OHDR v2 groups with compact link messages and link/attribute info in a v0 file")
def track_order(path):
    with create_file(path, track_order=True) as f:
        f.attrs["zeta"] = b"written first"
        f.attrs["alpha"] = "written second"
        weights = group(f, "model_weights", track_order=True)
        weights.attrs["layer_names"] = [b"lstm", b"dense", b"embedding"]
        for name in ("lstm", "dense", "embedding"):  # not alphabetical: the walk must sort
            dataset(group(weights, name, track_order=True), "kernel:0", (2, 2))
        plain = group(f, "plain_group")  # old-style symbol table inside a new-style parent
        dataset(plain, "b", (1,), write=False)
        dataset(plain, "a", (1,), write=False)


@fixture("userblock", "512-byte user block (text in it, superblock at 512, base address 512) "
         "with the tf.keras 2 layout")
def userblock(path):
    with create_file(path, userblock=512) as f:
        write_keras2(f, h5py3_strings)
    with open(path, "r+b") as stream:  # libhdf5 never writes the user block
        stream.write(b"KerasInspect test user block: the HDF5 signature is at offset 512.\n")


@fixture("links", "soft links (one dangling), external link in its own new-style group, "
         "second hard link to a dataset, hard links back to an ancestor and to the root")
def links(path):
    with create_file(path) as f:
        g = group(f, "g")
        dataset(g, "data", (2,))
        g["alias"] = g["data"]
        g["soft"] = h5py.SoftLink("/g/data")
        g["dangling"] = h5py.SoftLink("/nowhere")
        g["loop"] = g
        g["root"] = f["/"]
        ext = group(f, "ext_group")
        ext["ext"] = h5py.ExternalLink("other.h5", "/obj")


@fixture("dense_links", "libver='latest' group with 200 links: dense link storage (fractal "
         "heap + v2 B-tree name index); a reader may refuse it cleanly")
def dense_links(path):
    with create_file(path, libver="latest") as f:
        weights = group(f, "model_weights")
        weights.attrs["backend"] = b"tensorflow"
        for i in range(180):
            group(weights, "layer_%04d" % i)
        for i in range(20):
            dataset(weights, "kernel_%04d" % i, (2,), write=False)


@fixture("dense_attrs", "libver='latest': 12 attributes on the root and one 66,000-byte attribute "
         "on a group: dense attribute storage; a reader may refuse it cleanly")
def dense_attrs(path):
    with create_file(path, libver="latest") as f:
        for i in range(12):
            f.attrs["attr_%02d" % i] = "value %d" % i if i % 2 else np.int64(i)
        # > 64 KiB cannot be compact; a fixed string keeps the expectation file small
        group(f, "big").attrs["model_config"] = np.bytes_(b"{" + b"x" * 65998 + b"}")
        small = group(f, "small")
        small.attrs["compact"] = b"still compact"


def big_config():
    """A ~200 KB functional-model config with non-ASCII layer names."""
    layers = []
    for i in range(520):
        name = ["dense_é_%d" % i, "日本_lstm_%d" % i, "naïve_dropout_%d" % i][i % 3]
        layers.append(layer("Dense", name=name, trainable=True, dtype="float32", units=8,
                            activation="relu", use_bias=True,
                            kernel_initializer=layer("GlorotUniform", seed=None),
                            bias_initializer=layer("Zeros"), kernel_regularizer=None,
                            bias_regularizer=None, comment="ßüñ → ✓"))
    return layer("Functional", name="grand_modèle", layers=layers)


@fixture("big_attr_values", "~200 KB vlen UTF-8 model_config with non-ASCII text in the global "
         "heap; int64/int32/float64 (incl. -0.5, 1e300, NaN, inf)/float32 attributes; "
         "each string kind in v1 attribute messages; UTF-8 link names (compact links in a v0 file)")
def big_attr_values(path):
    with create_file(path) as f:
        f.attrs["model_config"] = json.dumps(big_config(), ensure_ascii=False)
        f.attrs["int64_scalar"] = np.int64(-9007199254740993)
        f.attrs["int32_array"] = np.array([-2147483648, 0, 2147483647], dtype="i4")
        f.attrs["float64_array"] = np.array([-0.5, 1e300, -0.0, 5e-324, np.nan, np.inf, -np.inf])
        f.attrs["float32_scalar"] = np.float32(0.1)
        string_kinds(group(f, "strings"))
        names = group(f, "unicode_names")  # UTF-8 link names: a new-style group in a v0 file
        for name in ("日本", "layer_é", "Zebra", "zebra"):
            group(names, name)


@fixture("huge_dims", "dataset declared as (2**40, 2**20) float32 (2**62 bytes), never written: "
         "element counts need checked 64-bit math")
def huge_dims(path):
    with create_file(path) as f:
        f.attrs["note"] = b"storage for /huge was never allocated"
        dataset(f, "huge", (2 ** 40, 2 ** 20), write=False)
        dataset(f, "small", (3,), write=False)


def float_type(base, fields, ebias, norm=h5py.h5t.NORM_IMPLIED, order=None):
    """A copy of an IEEE type with its sign, exponent and mantissa moved and its bias, normalization and order set."""
    tid = base.copy()
    if order is not None:
        tid.set_order(order)
    tid.set_fields(*fields)
    tid.set_ebias(ebias)
    tid.set_norm(norm)
    return tid


def raw_floats(tid, elements):
    """Bytes of (sign, exponent, mantissa) triples laid out as tid says, in tid's byte order."""
    sign_at, exponent_at, _, mantissa_at, _ = tid.get_fields()
    # libhdf5 1.10 reads VAX order as big-endian (checked with h5py for 4 and 8 bytes)
    order = "big" if tid.get_order() in (h5py.h5t.ORDER_BE, h5py.h5t.ORDER_VAX) else "little"
    data = b"".join(((s << sign_at) | (e << exponent_at) | (m << mantissa_at)).to_bytes(tid.get_size(), order)
                    for s, e, m in elements)
    return np.frombuffer(data, dtype=np.uint8)


def raw_float_attr(obj, name, tid, elements):
    """An attribute of a non-IEEE float type, its bytes written as they are (no conversion)."""
    space = h5py.h5s.create_simple((len(elements),))
    h5py.h5a.create(obj.id, name.encode(), tid, space).write(raw_floats(tid, elements), mtype=tid)


@fixture("odd_floats", "float attributes whose layout is not IEEE: moved sign/exponent/mantissa (LE and BE, "
         "2, 4 and 8 bytes), no normalization (with libhdf5's quirks), VAX order, a narrower mantissa, an "
         "exponent bias h5py widens to float64; values include denormals, infinities and NaN")
def odd_floats(path):
    t = h5py.h5t
    with create_file(path) as f:
        moved = (0, 1, 8, 9, 23)
        special = [(0, 127, 0), (1, 128, 1 << 22), (0, 0, 1), (0, 255, 0), (1, 255, 0), (0, 255, 5), (1, 0, 0)]
        raw_float_attr(f, "f32_moved", float_type(t.IEEE_F32LE, moved, 127), special)
        raw_float_attr(f, "f32_moved_be", float_type(t.IEEE_F32BE, moved, 127), special[:3])
        raw_float_attr(f, "f32_no_normalization", float_type(t.IEEE_F32LE, (31, 23, 8, 0, 23), 127, t.NORM_NONE),
                       [(0, 127, 1 << 22), (1, 130, 3 << 20), (0, 0, 1 << 22)])
        raw_float_attr(f, "f32_narrow_mantissa", float_type(t.IEEE_F32LE, (31, 22, 8, 0, 22), 127),
                       [(0, 127, 1 << 21), (1, 120, 12345), (0, 254, (1 << 22) - 1)])
        raw_float_attr(f, "f32_bias_120", float_type(t.IEEE_F32LE, (31, 23, 8, 0, 23), 120), [(0, 127, 0)])
        raw_float_attr(f, "f64_moved", float_type(t.IEEE_F64LE, (0, 1, 11, 12, 52), 1023),
                       [(0, 1023, 1 << 51), (1, 1000, 123456789), (0, 0, 7), (1, 2047, 0)])
        raw_float_attr(f, "f16_moved", float_type(t.IEEE_F16LE, (0, 1, 5, 6, 10), 15),
                       [(0, 15, 1 << 9), (1, 30, 1023), (0, 0, 3), (0, 31, 1)])
        # libhdf5's quirks without normalization: a zero mantissa under a non-zero exponent is not zero, and an
        # all-ones exponent is infinity whenever the mantissa bits below the top one are zero
        raw_float_attr(f, "f32_no_normalization_quirks", float_type(t.IEEE_F32LE, (31, 23, 8, 0, 23), 127, t.NORM_NONE),
                       [(0, 127, 0), (1, 130, 0), (0, 255, 1 << 22), (0, 255, 1), (0, 255, 0)])
        raw_float_attr(f, "f32_vax", float_type(t.IEEE_F32LE, (31, 23, 8, 0, 23), 127, order=t.ORDER_VAX),
                       [(0, 127, 1), (1, 128, 1 << 22)])
        raw_float_attr(f, "f64_vax", float_type(t.IEEE_F64LE, (63, 52, 11, 0, 52), 1023, order=t.ORDER_VAX),
                       [(0, 1023, 1), (1, 1000, 123456789)])


# ---------------------------------------------------------------- driver

def clean(out_dir):
    """Remove earlier outputs so a renamed fixture leaves nothing stale behind."""
    for name in os.listdir(out_dir):
        if name.endswith((".h5", ".expected.json")) or name == "MANIFEST.json":
            os.remove(os.path.join(out_dir, name))


def write_text(path, content):
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(content)


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    clean(out_dir)
    entries = []
    for name, covers, build in FIXTURES:
        h5_name, expected_name = name + ".h5", name + ".expected.json"
        h5_path = os.path.join(out_dir, h5_name)
        build(h5_path)
        with h5py.File(h5_path, "r") as h5file:
            write_text(os.path.join(out_dir, expected_name), dumps(snapshot(h5file)))
        entries.append({"file": h5_name, "expected": expected_name, "generator": GENERATOR,
                        "h5py": h5py.version.version, "hdf5": h5py.version.hdf5_version,
                        "covers": covers})
        print("wrote %s (%d bytes)" % (h5_path, os.path.getsize(h5_path)))
    manifest = {"description": "HDF5 fixtures for the managed reader; *.expected.json is what "
                               "h5py reports (scripts/h5snapshot.py). Regenerate with "
                               "scripts/gen-testdata.",
                "fixtures": entries}
    write_text(os.path.join(out_dir, "MANIFEST.json"), dumps(manifest))


def census(out_dir):
    if not os.path.exists(CENSUS):
        sys.exit("census tool not found at %s" % CENSUS)
    for name, _, _ in FIXTURES:
        print("== %s" % name, flush=True)
        path = os.path.abspath(os.path.join(out_dir, name + ".h5"))
        subprocess.run([sys.executable, CENSUS, "%s=%s" % (name, path)], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--census", action="store_true", help="run the shared census tool afterwards")
    args = parser.parse_args()
    generate(OUT_DIR)
    if args.census:
        census(OUT_DIR)


if __name__ == "__main__":
    main()
