#!/usr/bin/python3
"""Write testdata/hostile/: small HDF5 files that attack the managed reader, with the limits
that must stop each one, plus a few valid-but-unusual files it must read.

Run from the repo root: /usr/bin/python3 scripts/gen-hostile-hdf5.py [--check]

Each attack is a scaled-down copy of a proof of concept that, at full size (MBs), made
the reader do work or hold memory out of all proportion to the file. Here each file is
small (< 200 KB), and its MANIFEST.json entry tightens the ReadLimits (property names of
KerasInspect.Hdf5.ReadLimits) so that the same mechanism trips a budget within
milliseconds: "expect": "error" means the reader must throw Hdf5FormatException with
"message" in its text; "expect": "ok" means it must read the file (under the given
limits, which may still be tight: a regression would break them).

Crafted files are written byte by byte with scripts/hdf5_craft.py; the valid-but-unusual
ones come from h5py where libhdf5's own encoding is the point. Output is byte-identical
on every run: no timestamps, no randomness. --check also opens every file with h5py and
prints what libhdf5 makes of it (for information: several files are deliberately not
valid HDF5).
"""

import argparse
import json
import os
import struct
import sys

import h5py
import numpy as np
from h5py import h5a, h5g, h5p, h5s, h5t

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hdf5_craft as hc  # noqa: E402
from h5snapshot import snapshot  # noqa: E402

OUT_DIR = os.path.join("testdata", "hostile")
MAX_FILE_BYTES = 200 * 1024
MAX_TOTAL_BYTES = 1024 * 1024
FIXTURES = []  # (file, covers, limits, expect, message, build)


def fixture(file, covers, limits=None, expect="ok", message=None):
    """Register build(path) as the writer of one fixture and its MANIFEST.json entry."""
    assert (expect == "error") == (message is not None)

    def register(build):
        FIXTURES.append((file, covers, limits or {}, expect, message, build))
        return build
    return register


def write_bytes(path, data):
    with open(path, "wb") as stream:
        stream.write(data)


# ---------------------------------------------------------------- amplification attacks

@fixture("shared_symtab.h5",
         "150 groups share one symbol table (one B-tree and local heap) listing 150 hard links, "
         "so a 22 KB file yields 150 x 150 snapshot nodes; MaxObjects bounds the walk.",
         {"MaxObjects": 5000}, "error", "objects and links")
def shared_symtab(path, n=150):
    f = hc.File()
    data = f.add(hc.float32_dataset_header(refcount=n * n))
    shared_tree, shared_heap = hc.symbol_table(f, [(b"d%03d" % i, data) for i in range(n)])
    header = hc.v1_object_header([hc.symbol_table_message(shared_tree, shared_heap)])
    groups = [f.add(header) for _ in range(n)]
    root = hc.symbol_table_group(f, [(b"g%03d" % i, g) for i, g in enumerate(groups)])
    f.superblock(root)
    write_bytes(path, f.finish())


@fixture("long_names.h5",
         "one local heap holds a single 4,096-byte name and 256 symbol table entries point at its "
         "suffixes (offsets 0..255), so 4 KB of heap decode to about 2 MB of names and paths; "
         "MaxTotalNameBytes bounds it.",
         {"MaxTotalNameBytes": 200000}, "error", "link names and paths exceed")
def long_names(path, n=256, length=4096):
    f = hc.File()
    data = f.add(hc.float32_dataset_header(refcount=n))
    name = bytes(97 + (i % 26) for i in range(length))
    heap = hc.local_heap(f, name + b"\0" * 8)
    # Not a valid symbol table (entries out of name order), as the attack needs.
    tree = hc.group_btree(f, [(i, data) for i in range(n)])
    root = f.add(hc.v1_object_header([hc.symbol_table_message(tree, heap)]))
    f.superblock(root)
    write_bytes(path, f.finish())


@fixture("btree2_nodes.h5",
         "dense links whose version 2 B-tree declares 64 KiB nodes but holds 1,001 one-record "
         "leaves (each node's span inside the file): a reader that reads whole nodes reads about "
         "63 MiB, one that reads only the bytes used stays under MaxReadBytes.",
         {"MaxReadBytes": 400000}, "ok")
def btree2_nodes(path, internal_records=1000, node_size=64 * 1024):
    record_size = 11
    f = hc.File()
    data = f.add(hc.float32_dataset_header(refcount=2 * internal_records + 1))
    links = [(b"%04x" % i, data) for i in range(2 * internal_records + 1)]
    heap, ids = hc.managed_object_heap(f, [hc.link_message(name, target) for name, target in links])
    records = hc.link_records_by_hash(links, ids)
    # In key order the leaves take the even records and the root the odd ones, one record per leaf.
    leaves = [f.add(hc.btree2_leaf(hc.BTREE2_LINK_NAME, [records[2 * i]]))
              for i in range(internal_records + 1)]
    children = [(leaf, 1) for leaf in leaves]
    root_at = f.add(hc.btree2_internal_depth1(hc.BTREE2_LINK_NAME, records[1::2], children,
                                              node_size, record_size))
    tree = f.add(hc.btree2_header(hc.BTREE2_LINK_NAME, node_size, record_size, 1, root_at,
                                  internal_records, len(records)))
    root = f.add(hc.v1_object_header([hc.link_info_message(heap, tree), hc.group_info_message()]))
    f.superblock(root)
    write_bytes(path, f.finish(min_size=root_at + node_size))  # every node's span lies in the file


@fixture("shared_heap.h5",
         "500 groups share one 64 KiB local heap (their empty B-tree too); valid HDF5, read fast "
         "because each heap is read once however many groups name it.")
def shared_heap(path, n=500, heap_size=64 * 1024):
    f = hc.File()
    names = [b"g%03d" % i for i in range(n)]
    data, offsets = hc.heap_names(names)
    heap = hc.local_heap(f, data + b"\0" * (heap_size - len(data)))
    empty = hc.empty_group_btree(f)
    groups = [f.add(hc.v1_object_header([hc.symbol_table_message(empty, heap)])) for _ in range(n)]
    internal_k = 32
    tree = hc.group_btree(f, list(zip(offsets, groups)), internal_k=internal_k)
    root = f.add(hc.v1_object_header([hc.symbol_table_message(tree, heap)]))
    f.superblock(root, internal_k=internal_k)
    write_bytes(path, f.finish())


@fixture("fheap_scan.h5",
         "a fractal heap whose root indirect block lists 4,864 direct blocks (all the same bytes) "
         "and 4,000 B-tree records naming an object in the last one, the lookup pattern that made "
         "a linear block search quadratic at full size; all records name link 'x', so the "
         "duplicate-name check ends the read.",
         {}, "error", "links the name 'x' twice")
def fheap_scan(path, records=4000, width=256, rows=30):
    start, max_direct, max_heap_bits = 512, 64 * 1024 * 1024, 48
    f = hc.File()
    link_at = f.alloc(64)
    header = f.alloc(hc.FRACTAL_HEAP_HEADER_BYTES)
    direct_rows = (max_direct.bit_length() - 1) - (start.bit_length() - 1) + 2

    def row_size(r):
        return start if r == 0 else start << (r - 1)

    def row_start(r):
        return 0 if r == 0 else width * (start << (r - 1))

    children = [link_at if r < direct_rows else hc.UNDEFINED for r in range(rows) for _ in range(width)]
    indirect = f.add(hc.fractal_heap_indirect_block(header, 0, max_heap_bits, children))
    id_length = 1 + hc.heap_offset_bytes(max_heap_bits) + 2
    f.put(header, hc.fractal_heap_header(width, start, max_direct, max_heap_bits, indirect, rows,
                                         id_length=id_length))
    last_block = row_start(direct_rows - 1) + (width - 1) * row_size(direct_rows - 1)
    link = hc.link_message(b"x", 0)
    length_bytes = hc.heap_length_bytes(max_direct, 4096)
    heap_id = hc.managed_heap_id(last_block, len(link), max_heap_bits, length_bytes)
    record = struct.pack("<I", hc.lookup3(b"x")) + heap_id
    leaf_bytes = hc.btree2_leaf(hc.BTREE2_LINK_NAME, [record] * records)
    leaf = f.add(leaf_bytes)
    node_size = len(leaf_bytes) + 64
    tree = f.add(hc.btree2_header(hc.BTREE2_LINK_NAME, node_size, len(record), 0, leaf,
                                  records, records))
    root = f.add(hc.v1_object_header([hc.link_info_message(header, tree), hc.group_info_message()]))
    f.put(link_at, hc.link_message(b"x", root))  # 'x' links back to the root: a repeated link
    f.superblock(root)
    write_bytes(path, f.finish())


@fixture("shared_continuation.h5",
         "64 group headers all continue into one 32 KiB chunk (a single NIL message), so 32 KB "
         "are read once per group; MaxReadBytes bounds the re-reading.",
         {"MaxReadBytes": 300000}, "error", "reading the metadata took more than")
def shared_continuation(path, n=64, chunk_size=32 * 1024):
    f = hc.File()
    chunk = f.add(hc.v1_messages([hc.nil_message(chunk_size - 8)]))
    tiny_heap = hc.local_heap(f, b"\0" * 8)
    empty = hc.empty_group_btree(f)
    header = hc.v1_object_header([hc.symbol_table_message(empty, tiny_heap),
                                  hc.continuation_message(chunk, chunk_size)], message_count=3)
    groups = [f.add(header) for _ in range(n)]
    root = hc.symbol_table_group(f, [(b"g%03d" % i, g) for i, g in enumerate(groups)])
    f.superblock(root)
    write_bytes(path, f.finish())


@fixture("shared_attr_chunk.h5",
         "32 group headers all continue into one chunk of 16 attributes holding 4,096-byte "
         "fixed-length strings, so 64 KB of values are decoded once per group; "
         "MaxTotalStringBytes bounds the decoded values.",
         {"MaxTotalStringBytes": 300000}, "error", "attribute values exceed the limit")
def shared_attr_chunk(path, n=32, attributes=16, size=4096):
    f = hc.File()
    value = bytes(97 + (j % 26) for j in range(size))
    messages = [hc.string_attribute(b"a%02d" % i, value) for i in range(attributes)]
    body = hc.v1_messages(messages)
    chunk = f.add(body)
    tiny_heap = hc.local_heap(f, b"\0" * 8)
    empty = hc.empty_group_btree(f)
    header = hc.v1_object_header([hc.symbol_table_message(empty, tiny_heap),
                                  hc.continuation_message(chunk, len(body))],
                                 message_count=1 + attributes)
    groups = [f.add(header) for _ in range(n)]
    root = hc.symbol_table_group(f, [(b"g%03d" % i, g) for i, g in enumerate(groups)])
    f.superblock(root)
    write_bytes(path, f.finish())


@fixture("btree2_presize.h5",
         "a version 2 B-tree with 64 MiB nodes whose root claims 67,108,854 records in its first "
         "leaf: the count is checked against the limits before anything is allocated for it.",
         {}, "error", "version 2 B-tree node claims")
def btree2_presize(path):
    node_size, record_size = 64 * 1024 * 1024, 1
    f = hc.File()
    heap = f.add(hc.fractal_heap_header(4, 512, 65536, 32, hc.UNDEFINED, 0))
    leaf = f.add(b"BTLF" + bytes([0, hc.BTREE2_LINK_NAME]) + b"\0" * 16)
    claimed = hc.btree2_max_leaf_records(node_size, record_size)
    children = [(leaf, claimed), (leaf, 0)]
    root_node = f.add(hc.btree2_internal_depth1(hc.BTREE2_LINK_NAME, [b"\0"], children,
                                                node_size, record_size))
    tree = f.add(hc.btree2_header(hc.BTREE2_LINK_NAME, node_size, record_size, 1, root_node, 1, 1))
    root = f.add(hc.v1_object_header([hc.link_info_message(heap, tree), hc.group_info_message()]))
    f.superblock(root)
    write_bytes(path, f.finish())


# ---------------------------------------------------------------- valid but unusual

def create_file(path):
    """h5py.File(path, 'w') without object timestamps, so the bytes never change."""
    fcpl = h5p.create(h5p.FILE_CREATE)
    fcpl.set_obj_track_times(False)
    return h5py.File(h5py.h5f.create(path.encode("utf-8"), h5py.h5f.ACC_TRUNC, fcpl=fcpl))


def group(parent, name):
    """One child group (name as bytes, stored as given) without timestamps."""
    gcpl = h5p.create(h5p.GROUP_CREATE)
    gcpl.set_obj_track_times(False)
    h5g.create(parent.id, name, gcpl=gcpl)
    return parent[name]


def string_attr(obj, name, value, size, pad, cset=h5t.CSET_ASCII):
    """A scalar fixed-length string attribute written byte for byte."""
    tid = h5t.C_S1.copy()
    tid.set_size(size)
    tid.set_strpad(pad)
    tid.set_cset(cset)
    aid = h5a.create(obj.id, name, tid, h5s.create(h5s.SCALAR))
    aid.write(np.array(value, dtype="S%d" % size), mtype=tid)


@fixture("null_dataset.h5", "a dataset with a null dataspace (h5py.Empty) beside a scalar one.")
def null_dataset(path):
    with create_file(path) as f:
        f.create_dataset("n", data=h5py.Empty("f4"), track_times=False)
        f.create_dataset("s", data=np.float32(1), track_times=False)


@fixture("committed_type.h5", "a committed (named) datatype beside a group with an attribute.")
def committed_type(path):
    with create_file(path) as f:
        group(f, b"g").attrs["x"] = 1
        f["t"] = np.dtype("f4")


@fixture("invalid_utf8_names.h5", "two groups whose names are the bytes 0xff and 0xfe, not UTF-8.")
def invalid_utf8_names(path):
    with create_file(path) as f:
        group(f, b"\xff")
        group(f, b"\xfe")


@fixture("nullpad_embedded_nul.h5",
         "fixed-length string attributes with a NUL inside the value: NULLPAD (ASCII and UTF-8), "
         "NULLTERM and SPACEPAD.")
def nullpad_embedded_nul(path):
    with create_file(path) as f:
        f.attrs["p"] = np.array([b"ab\x00cd"], dtype="S7")
        string_attr(f, b"t", b"ab\x00cd", 7, h5t.STR_NULLTERM)
        string_attr(f, b"sp", b"ab  ", 7, h5t.STR_SPACEPAD)
        string_attr(f, b"u", b"ab\x00cd", 7, h5t.STR_NULLPAD, h5t.CSET_UTF8)


@fixture("zero_dim_overflow.h5",
         "an attribute of shape (2**32, 2**32, 0): no elements, though the product of the "
         "non-zero dimensions overflows 64 bits.")
def zero_dim_overflow(path):
    with create_file(path) as f:
        space = h5s.create_simple((2 ** 32, 2 ** 32, 0))
        h5a.create(f.id, b"z", h5t.IEEE_F32LE, space)
        f.attrs["ok"] = 1


@fixture("uint64_attr.h5", "a uint64 attribute above 2**63.")
def uint64_attr(path):
    with create_file(path) as f:
        f.attrs["u"] = np.uint64(2 ** 63 + 5)


def base_layout(f, attribute_reserved=0, dataset_extra=()):
    """Root with group /grp (int32 attribute 'myattr' = 7, version 1) and dataset /d."""
    attr = hc.attribute_v1(b"myattr", hc.int_datatype(4), hc.dataspace_v1(()), struct.pack("<i", 7),
                           reserved=attribute_reserved)
    grp = f.add(hc.v1_object_header([hc.symbol_table_message(*hc.symbol_table(f, [])),
                                     hc.message(hc.ATTRIBUTE, attr)]))
    data = f.add(hc.float32_dataset_header((3,), extra=dataset_extra))
    return hc.symbol_table_group(f, [(b"d", data), (b"grp", grp)])


@fixture("v1_attr_reserved_byte.h5",
         "a version 1 attribute message whose reserved byte is 1; libhdf5 ignores it.")
def v1_attr_reserved_byte(path):
    f = hc.File()
    f.superblock(base_layout(f, attribute_reserved=1))
    write_bytes(path, f.finish())


@fixture("fail_if_unknown.h5",
         "dataset /d carries unknown header message type 0x0040 flagged 'fail if unknown "
         "always' (0x80); libhdf5 refuses to open /d too.",
         {}, "error", "marked 'fail if unknown'")
def fail_if_unknown(path):
    f = hc.File()
    unknown = hc.message(0x0040, b"\0" * 8, hc.MSG_FAIL_IF_UNKNOWN_ALWAYS)
    f.superblock(base_layout(f, dataset_extra=[unknown]))
    write_bytes(path, f.finish())


# ---------------------------------------------------------------- driver

def clean(out_dir):
    """Remove earlier outputs so a renamed fixture leaves nothing stale behind."""
    for name in os.listdir(out_dir):
        if name.endswith(".h5") or name == "MANIFEST.json":
            os.remove(os.path.join(out_dir, name))


def manifest_entry(file, covers, limits, expect, message):
    entry = {"file": file, "covers": covers, "limits": limits, "expect": expect}
    if message is not None:
        entry["message"] = message
    return entry


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    clean(out_dir)
    total = 0
    entries = []
    for file, covers, limits, expect, message, build in FIXTURES:
        path = os.path.join(out_dir, file)
        build(path)
        size = os.path.getsize(path)
        assert size < MAX_FILE_BYTES, "%s is %d bytes" % (file, size)
        total += size
        entries.append(manifest_entry(file, covers, limits, expect, message))
        print("wrote %s (%d bytes)" % (path, size))
    assert total < MAX_TOTAL_BYTES, "fixtures total %d bytes" % total
    manifest = {"description": "Hostile and unusual HDF5 files for the managed reader, each read with "
                               "ReadLimits.Default overridden by 'limits': 'expect' is 'error' (an "
                               "Hdf5FormatException whose message contains 'message') or 'ok'. "
                               "Regenerate with scripts/gen-testdata (scripts/gen-hostile-hdf5.py).",
                "fixtures": entries}
    with open(os.path.join(out_dir, "MANIFEST.json"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


def check(out_dir):
    """Informational: what libhdf5 (through h5py) makes of each fixture."""
    for file, _, _, expect, _, _ in FIXTURES:
        try:
            with h5py.File(os.path.join(out_dir, file), "r") as h5file:
                outcome = "reads, %d objects" % len(snapshot(h5file)["objects"])
        except Exception as error:  # libhdf5 errors come as several exception types
            outcome = "%s: %s" % (type(error).__name__, " ".join(str(error).split())[:120])
        print("h5py %-26s (expect %s): %s" % (file, expect, outcome))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="also report what h5py makes of each file")
    args = parser.parse_args()
    generate(OUT_DIR)
    if args.check:
        check(OUT_DIR)


if __name__ == "__main__":
    main()
