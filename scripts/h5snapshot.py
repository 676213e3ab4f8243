#!/usr/bin/python3
"""h5py oracle: dump the metadata of an HDF5 file as deterministic JSON.

Usage: /usr/bin/python3 scripts/h5snapshot.py FILE [--member NAME] [-o OUT.json]

FILE is an HDF5 file or a zip (.keras). For a zip, --member names the inner HDF5
entry; without it the only entry starting with the HDF5 signature is used. The zip
member is read into memory, never extracted.

The JSON lists every object reached from "/" (depth-first pre-order, links sorted by
the UTF-8 bytes of their names) with attributes, dataset shapes and element types.
Dataset data is never read. The C# reader's tests compare their snapshot with these
files, so the output format is a contract: see the keys written below.
"""

import argparse
import io
import json
import math
import sys
import zipfile

import h5py
import numpy as np

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
FLOAT_NAMES = {2: "float16", 4: "float32", 8: "float64"}


def utf8_key(name):
    """Sort key of a link or attribute name: its raw bytes (UTF-8 for a str name).

    h5py returns a name that is not valid UTF-8 as bytes (and may return str carrying
    surrogate escapes); both sort by the bytes stored in the file, as HDF5 orders links.
    """
    if isinstance(name, (bytes, bytearray)):
        return bytes(name)
    return name.encode("utf-8", "surrogateescape")


def text(value):
    """Decode a string as h5py returned it (bytes, or str that may carry surrogate escapes)."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogateescape")
    return bytes(value).decode("utf-8", "replace")


def type_name(tid):
    cls = tid.get_class()
    if cls == h5py.h5t.STRING:
        return "vlen-str" if tid.is_variable_str() else "S%d" % tid.get_size()
    if cls == h5py.h5t.INTEGER and tid.get_size() in (1, 2, 4, 8):
        prefix = "uint" if tid.get_sign() == h5py.h5t.SGN_NONE else "int"
        return "%s%d" % (prefix, 8 * tid.get_size())
    if cls == h5py.h5t.FLOAT:
        # A non-IEEE layout (e.g. long double) has a numpy name outside FLOAT_NAMES.
        name = tid.dtype.name
        if name == FLOAT_NAMES.get(tid.get_size()):
            return name
    return "other"


def shape_of(space):
    """[] for scalar, [dims] for simple, None for the null dataspace."""
    kind = space.get_simple_extent_type()
    if kind == h5py.h5s.NULL:
        return None
    if kind == h5py.h5s.SCALAR:
        return []
    return [int(d) for d in space.shape]


def json_value(value):
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return json_value(value[()])
        return [json_value(item) for item in value]
    if isinstance(value, (bytes, np.bytes_, str)):
        # Fixed-length strings arrive as numpy bytes with the NUL padding already removed.
        return text(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        number = float(value)
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
        return number
    raise TypeError("unexpected attribute value type %s" % type(value).__name__)


def attribute(obj, name):
    aid = obj.attrs.get_id(name)
    dtype = type_name(aid.get_type())
    shape = shape_of(aid.get_space())
    value = None
    if dtype != "other" and shape is not None:
        value = json_value(obj.attrs[name])
    return {"name": text(name), "dtype": dtype, "shape": shape, "value": value}


def attributes(obj):
    return [attribute(obj, name) for name in sorted(obj.attrs.keys(), key=utf8_key)]


def object_entry(obj, path):
    if isinstance(obj, h5py.Group):
        return {"path": path, "kind": "group", "attributes": attributes(obj)}
    if isinstance(obj, h5py.Dataset):
        return {
            "path": path,
            "kind": "dataset",
            "shape": shape_of(obj.id.get_space()),
            "dtype": type_name(obj.id.get_type()),
            "attributes": attributes(obj),
        }
    # Committed (named) datatypes: not produced by Keras, listed so nothing is silently lost.
    return {"path": path, "kind": "datatype", "attributes": attributes(obj)}


def child_path(parent, name):
    return ("/" if parent == "/" else parent + "/") + name


def snapshot(h5file):
    """Return {"objects": [...]} for an open h5py.File. Pure function of the file's metadata."""
    objects = []
    first_path = {}  # object header address -> path where it was first emitted

    def visit(obj, path):
        first_path[h5py.h5o.get_info(obj.id).addr] = path
        objects.append(object_entry(obj, path))
        if isinstance(obj, h5py.Group):
            for name in sorted(obj.keys(), key=utf8_key):
                visit_link(obj, name, child_path(path, text(name)))

    def visit_link(group, name, path):
        # The low-level calls behind group.get(name, getlink=True): that one first tests
        # "name in group", which decodes a bytes name as UTF-8 and fails on invalid names.
        raw = utf8_key(name)
        kind = group.id.links.get_info(raw).type
        if kind == h5py.h5l.TYPE_SOFT:
            objects.append({"path": path, "kind": "soft", "target": text(group.id.links.get_val(raw))})
            return
        if kind == h5py.h5l.TYPE_EXTERNAL:
            file_name, target = group.id.links.get_val(raw)
            objects.append({"path": path, "kind": "external",
                            "file": text(file_name), "target": text(target)})
            return
        if kind != h5py.h5l.TYPE_HARD:
            raise TypeError("link %r has unknown link type %d" % (name, kind))
        obj = group[name]
        addr = h5py.h5o.get_info(obj.id).addr
        if addr in first_path:
            objects.append({"path": path, "kind": "hardlink", "target": first_path[addr]})
        else:
            visit(obj, path)

    visit(h5file["/"], "/")
    return {"objects": objects}


def dumps(doc):
    return json.dumps(doc, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def hdf5_members(archive):
    """Names of zip entries whose bytes start with the HDF5 signature."""
    found = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as stream:
            if stream.read(len(HDF5_SIGNATURE)) == HDF5_SIGNATURE:
                found.append(info.filename)
    return found


def open_member(archive, member):
    return h5py.File(io.BytesIO(archive.read(member)), "r")


def snapshot_path(path, member=None):
    """Snapshot an HDF5 file, or one HDF5 member of a zip."""
    if not zipfile.is_zipfile(path):
        if member is not None:
            raise ValueError("--member given but %s is not a zip" % path)
        with h5py.File(path, "r") as h5file:
            return snapshot(h5file)
    with zipfile.ZipFile(path) as archive:
        if member is None:
            members = hdf5_members(archive)
            if len(members) != 1:
                raise ValueError("zip has %d HDF5 members (%s); use --member"
                                 % (len(members), ", ".join(members) or "none"))
            member = members[0]
        with open_member(archive, member) as h5file:
            return snapshot(h5file)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--member", help="HDF5 entry inside a zip (.keras)")
    parser.add_argument("-o", "--output", help="write JSON here instead of stdout")
    args = parser.parse_args(argv)
    try:
        out = dumps(snapshot_path(args.file, args.member)).encode("utf-8")
        if args.output:
            with open(args.output, "wb") as stream:
                stream.write(out)
        else:
            sys.stdout.buffer.write(out)
    except Exception as error:  # one line, no traceback: the caller only needs the reason
        message = " ".join(str(error).split()) or type(error).__name__
        print("h5snapshot: %s: %s: %s" % (args.file, type(error).__name__, message), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
