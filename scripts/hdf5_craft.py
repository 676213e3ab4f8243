#!/usr/bin/python3
"""Byte-level HDF5 writer for crafted test files (hostile or unusual structure).

libhdf5, and so h5py, writes only well-formed files laid out its own way. The reader's
budgets are about files that are not, or that are well-formed but shaped to make a
reader do far more work than their size suggests (one structure shared by thousands of
objects, sizes declared huge, ...). This module writes such files one structure at a
time, so a generator states exactly which bytes it wants.

Scope: superblock version 0 with 8-byte offsets and lengths, little-endian; version 1
object headers; old-style groups (symbol table message, version 1 B-tree, symbol table
nodes, local heap); new-style dense storage (link info message, fractal heap, version 2
B-tree of link-name records); float32 datasets; version 1 attributes (fixed-length
strings, integers); continuation chunks. Nothing checks that the result is sensible:
that is the point.

Section numbers refer to the HDF5 File Format Specification version 3.0, as the C#
reader's comments do ("II.A" = superblock, "III.A.1" = version 1 B-trees, "IV.A.2.m" =
attribute message, ...).

Typical use:

    f = File()
    data = f.add(float32_dataset_header((3,)))
    tree, heap = symbol_table(f, [(b"d", data)])
    root = f.add(v1_object_header([symbol_table_message(tree, heap)]))
    f.superblock(root)
    open(path, "wb").write(f.finish())

Everything is a pure function of its arguments: the same calls give the same bytes.
"""

import struct
from collections import namedtuple

SIGNATURE = b"\x89HDF\r\n\x1a\n"
UNDEFINED = 0xFFFFFFFFFFFFFFFF  # "undefined address" (II.A): all bits set
SUPERBLOCK_V0_BYTES = 96

# Header message types (IV.A.2).
NIL = 0x0000
DATASPACE = 0x0001
LINK_INFO = 0x0002
DATATYPE = 0x0003
LINK = 0x0006
DATA_LAYOUT = 0x0008
GROUP_INFO = 0x000A
ATTRIBUTE = 0x000C
CONTINUATION = 0x0010
SYMBOL_TABLE = 0x0011

# Header message flags (IV.A.1.a, "Header Message Flags").
MSG_CONSTANT = 0x01
MSG_FAIL_IF_UNKNOWN_ALWAYS = 0x80

# Version 2 B-tree record types (III.A.2).
BTREE2_LINK_NAME = 5

# Fixed-length string padding (IV.A.2.d, class 3 bit field).
STR_NULLTERM, STR_NULLPAD, STR_SPACEPAD = 0, 1, 2


def pad8(data):
    """data followed by NUL bytes up to a multiple of 8."""
    return data + b"\0" * (-len(data) % 8)


def uint_le(value, size):
    """value as a size-byte little-endian unsigned integer (variable-width fields)."""
    return value.to_bytes(size, "little")


def encoded_size(value):
    """Bytes needed for value, as libhdf5 sizes variable-width counts: floor(log2(v) / 8) + 1."""
    return (max(value, 1).bit_length() - 1) // 8 + 1


# ---------------------------------------------------------------- checksum

def _rot(x, k):
    return ((x << k) | (x >> (32 - k))) & 0xFFFFFFFF


def lookup3(data, initval=0):
    """Bob Jenkins' lookup3 hashlittle: every checksum of version 2 structures and the
    name hash of dense-storage records ("Appendix C: Jenkins' lookup3 Hash Function")."""
    m = 0xFFFFFFFF
    length = len(data)
    a = b = c = (0xDEADBEEF + length + initval) & m
    if length == 0:
        return c
    i = 0
    while length - i > 12:
        a = (a + struct.unpack_from("<I", data, i)[0]) & m
        b = (b + struct.unpack_from("<I", data, i + 4)[0]) & m
        c = (c + struct.unpack_from("<I", data, i + 8)[0]) & m
        a = (a - c) & m; a ^= _rot(c, 4); c = (c + b) & m  # noqa: E702 (mix, as in lookup3.c)
        b = (b - a) & m; b ^= _rot(a, 6); a = (a + c) & m  # noqa: E702
        c = (c - b) & m; c ^= _rot(b, 8); b = (b + a) & m  # noqa: E702
        a = (a - c) & m; a ^= _rot(c, 16); c = (c + b) & m  # noqa: E702
        b = (b - a) & m; b ^= _rot(a, 19); a = (a + c) & m  # noqa: E702
        c = (c - b) & m; c ^= _rot(b, 4); b = (b + a) & m  # noqa: E702
        i += 12
    tail = bytes(data[i:]) + b"\0" * (12 - (length - i))
    a = (a + struct.unpack_from("<I", tail, 0)[0]) & m
    b = (b + struct.unpack_from("<I", tail, 4)[0]) & m
    c = (c + struct.unpack_from("<I", tail, 8)[0]) & m
    c ^= b; c = (c - _rot(b, 14)) & m  # noqa: E702 (final, as in lookup3.c)
    a ^= c; a = (a - _rot(c, 11)) & m  # noqa: E702
    b ^= a; b = (b - _rot(a, 25)) & m  # noqa: E702
    c ^= b; c = (c - _rot(b, 16)) & m  # noqa: E702
    a ^= c; a = (a - _rot(c, 4)) & m  # noqa: E702
    b ^= a; b = (b - _rot(a, 14)) & m  # noqa: E702
    c ^= b; c = (c - _rot(b, 24)) & m  # noqa: E702
    return c


def checksummed(data):
    """data followed by its lookup3 checksum, as version 2 structures end."""
    return data + struct.pack("<I", lookup3(data))


# ---------------------------------------------------------------- the file

class File:
    """A growing file image. Structures are appended 8-byte aligned; the superblock is
    written last, into the 96 bytes reserved at the start, once the root is known."""

    def __init__(self):
        self.buf = bytearray(SUPERBLOCK_V0_BYTES)

    def alloc(self, size, align=8):
        """Reserve size zero bytes (aligned); return their address."""
        self.buf.extend(b"\0" * (-len(self.buf) % align))
        address = len(self.buf)
        self.buf.extend(b"\0" * size)
        return address

    def put(self, address, data):
        """Overwrite bytes at address (inside what was allocated)."""
        assert address + len(data) <= len(self.buf), "put past the end of the file"
        self.buf[address:address + len(data)] = data

    def add(self, data, reserve=0, align=8):
        """Append data, reserving at least `reserve` bytes for it; return its address."""
        address = self.alloc(max(len(data), reserve), align)
        self.put(address, data)
        return address

    def superblock(self, root_header, leaf_k=4, internal_k=16, root_scratch=None):
        """Superblock version 0 (II.A): signature, versions, 8-byte sizes, group K values,
        base address 0, end-of-file address (patched by finish) and the root group's
        symbol table entry (III.C). root_scratch=(btree, heap) caches the root's symbol
        table in the entry as libhdf5 does (cache type 1); None leaves it uncached."""
        sb = SIGNATURE
        # Versions of the superblock, free-space info, root entry, (reserved), shared header
        # messages; size of offsets and lengths; reserved.
        sb += bytes([0, 0, 0, 0, 0, 8, 8, 0])
        sb += struct.pack("<HHI", leaf_k, internal_k, 0)  # group leaf/internal K, consistency flags
        # Base address, free-space info, end of file (set by finish), driver info block.
        sb += struct.pack("<QQQQ", 0, UNDEFINED, 0, UNDEFINED)
        sb += symbol_table_entry(0, root_header, root_scratch)
        assert len(sb) == SUPERBLOCK_V0_BYTES
        self.put(0, sb)

    def finish(self, min_size=0):
        """The file's bytes, zero-padded to min_size, with the superblock's end-of-file address set."""
        if len(self.buf) < min_size:
            self.buf.extend(b"\0" * (min_size - len(self.buf)))
        struct.pack_into("<Q", self.buf, 40, len(self.buf))
        return bytes(self.buf)


# ---------------------------------------------------------------- object headers (IV.A)

Message = namedtuple("Message", "type data flags")


def message(msg_type, data, flags=0):
    """One header message; data is padded to 8 bytes when the header is built."""
    return Message(msg_type, data, flags)


def v1_messages(messages):
    """Message bytes of a version 1 header chunk (IV.A.1.a): type (2), size (2), flags (1),
    reserved (3), then the data padded to a multiple of 8."""
    out = b""
    for m in messages:
        data = pad8(m.data)
        out += struct.pack("<HHB3x", m.type, len(data), m.flags) + data
    return out


def v1_object_header(messages, refcount=1, message_count=None):
    """Version 1 object header (IV.A.1.a) with one chunk: version 1, reserved, total number
    of messages (over all chunks: pass message_count when continuations add some),
    reference count, chunk size, 4 bytes of padding, then the messages."""
    body = v1_messages(messages)
    count = len(messages) if message_count is None else message_count
    return struct.pack("<BBHII4x", 1, 0, count, refcount, len(body)) + body


def nil_message(size):
    """NIL message (IV.A.2.a): size bytes of nothing (size a multiple of 8, at most 65,528)."""
    return message(NIL, b"\0" * size)


def continuation_message(address, length):
    """Object header continuation (IV.A.2.q): the next chunk's address and length."""
    return message(CONTINUATION, struct.pack("<QQ", address, length))


def symbol_table_message(btree, heap):
    """Symbol table message (IV.A.2.r): an old-style group's v1 B-tree and local heap."""
    return message(SYMBOL_TABLE, struct.pack("<QQ", btree, heap))


def link_info_message(fractal_heap, name_index):
    """Link info message (IV.A.2.c), version 0, no creation order: dense link storage's
    fractal heap and version 2 B-tree name index."""
    return message(LINK_INFO, bytes([0, 0]) + struct.pack("<QQ", fractal_heap, name_index))


def group_info_message():
    """Group info message (IV.A.2.k), version 0, no stored values: marks a new-style group."""
    return message(GROUP_INFO, bytes([0, 0]))


def link_message(name, target):
    """Link message (IV.A.2.g), version 1, flags 0: a hard link whose name length fits one
    byte, then the name (not NUL-terminated) and the target object header address."""
    assert 0 < len(name) < 256
    return bytes([1, 0, len(name)]) + name + struct.pack("<Q", target)


def dataspace_v1(dims):
    """Dataspace message body (IV.A.2.b), version 1: rank, no maximum dims; rank 0 = scalar."""
    return bytes([1, len(dims), 0, 0, 0, 0, 0, 0]) + b"".join(struct.pack("<Q", d) for d in dims)


def float32_datatype():
    """Datatype message body (IV.A.2.d), version 1, class 1 (floating point): IEEE
    little-endian float32 (implied mantissa MSB, sign bit 31, exponent 23+8, bias 127)."""
    return (bytes([0x11, 0x20, 0x1F, 0x00]) + struct.pack("<I", 4)
            + struct.pack("<HHBBBBI", 0, 32, 23, 8, 0, 23, 127))


def string_datatype(size, padding=STR_NULLPAD, utf8=False):
    """Datatype message body (IV.A.2.d), version 1, class 3 (string): fixed-length, with
    padding type in bits 0-3 and character set (0 ASCII, 1 UTF-8) in bits 4-7."""
    return bytes([0x13, padding | (0x10 if utf8 else 0), 0, 0]) + struct.pack("<I", size)


def int_datatype(size=4, signed=True):
    """Datatype message body (IV.A.2.d), version 1, class 0 (fixed-point): little-endian,
    bit 3 of the bit field = signed; properties are bit offset 0 and precision 8 * size."""
    return bytes([0x10, 0x08 if signed else 0, 0, 0]) + struct.pack("<IHH", size, 0, 8 * size)


def contiguous_layout(address=UNDEFINED, size=0):
    """Data layout message body (IV.A.2.i), version 3, class 1 (contiguous): address and
    size of the raw data (undefined address = never written)."""
    return bytes([3, 1]) + struct.pack("<QQ", address, size)


def float32_dataset_header(dims=(1,), refcount=1, extra=()):
    """Object header of a float32 dataset with unallocated contiguous storage, plus any
    extra messages."""
    size = 4
    for d in dims:
        size *= d
    return v1_object_header([message(DATASPACE, dataspace_v1(dims)),
                             message(DATATYPE, float32_datatype(), MSG_CONSTANT),
                             message(DATA_LAYOUT, contiguous_layout(UNDEFINED, size))] + list(extra),
                            refcount)


def attribute_v1(name, datatype, dataspace, value, reserved=0):
    """Attribute message body (IV.A.2.m), version 1: reserved byte, the sizes of name (with
    its NUL), datatype and dataspace, then each of the three padded to 8 bytes, then the
    value. reserved is the byte libhdf5 writes as 0 and ignores."""
    name_z = name + b"\0"
    return (struct.pack("<BBHHH", 1, reserved, len(name_z), len(datatype), len(dataspace))
            + pad8(name_z) + pad8(datatype) + pad8(dataspace) + value)


def string_attribute(name, value, padding=STR_NULLPAD):
    """A scalar fixed-length ASCII string attribute message whose size is len(value)."""
    body = attribute_v1(name, string_datatype(len(value), padding), dataspace_v1(()), value)
    return message(ATTRIBUTE, body)


# ---------------------------------------------------------------- old-style groups (III.A.1 - III.D)

SYMBOL_TABLE_ENTRY_BYTES = 40


def symbol_table_entry(name_offset, header, scratch=None):
    """Symbol table entry (III.C): link name offset in the local heap, object header
    address, cache type, reserved, 16-byte scratch pad. scratch=(btree, heap) gives cache
    type 1 (the group's symbol table cached); None gives cache type 0."""
    if scratch is None:
        return struct.pack("<QQII16x", name_offset, header, 0, 0)
    return struct.pack("<QQIIQQ", name_offset, header, 1, 0, *scratch)


def symbol_table_node(entries, leaf_k=4):
    """Symbol table node (III.B): 'SNOD', version 1, reserved, number of symbols, then the
    entries, padded to the node's full size 8 + 2K entries (libhdf5 reads all of it).
    entries: list of (name_offset, header_address)."""
    body = b"SNOD" + bytes([1, 0]) + struct.pack("<H", len(entries))
    body += b"".join(symbol_table_entry(offset, header) for offset, header in entries)
    full = 8 + 2 * leaf_k * SYMBOL_TABLE_ENTRY_BYTES
    return body + b"\0" * (full - len(body))


def group_btree_node(children, keys, level=0, internal_k=16):
    """Version 1 B-tree node of type 0, group nodes (III.A.1): 'TREE', type, level, entries
    used, undefined siblings, then key 0, child 0, key 1, ..., key N, padded to the node's
    full size 24 + 2K (key + child) + key. keys (len(children) + 1 of them) are local-heap
    offsets of names: key i+1 is the greatest name in child i; key 0 is the empty name."""
    assert len(keys) == len(children) + 1
    body = b"TREE" + bytes([0, level]) + struct.pack("<HQQ", len(children), UNDEFINED, UNDEFINED)
    body += struct.pack("<Q", keys[0])
    for child, key in zip(children, keys[1:]):
        body += struct.pack("<QQ", child, key)
    full = 24 + 2 * internal_k * 16 + 8
    assert len(body) <= full, "more children than 2K"
    return body + b"\0" * (full - len(body))


def empty_group_btree(f, internal_k=16):
    """A group B-tree with no entries (a group with no links); returns its address."""
    return f.add(group_btree_node([], [0], internal_k=internal_k))


def local_heap_header(data_size, data_address):
    """Local heap header (III.D): 'HEAP', version 0, reserved, data segment size, free list
    head (1 is libhdf5's H5HL_FREE_NULL: no free block) and data segment address."""
    return b"HEAP" + bytes([0, 0, 0, 0]) + struct.pack("<QQQ", data_size, 1, data_address)


def local_heap(f, data):
    """A local heap holding data (header, then the data segment); returns the header address."""
    header = f.alloc(32)
    f.put(header, local_heap_header(len(data), f.add(data)))
    return header


def heap_names(names):
    """A local heap data segment holding names the way libhdf5 lays them out: offset 0 is
    the empty name, then each name NUL-terminated and padded to 8 bytes. Returns
    (data, offsets)."""
    data = bytearray(8)
    offsets = []
    for name in names:
        offsets.append(len(data))
        data += pad8(name + b"\0")
    return bytes(data), offsets


def group_btree(f, entries, leaf_k=4, internal_k=16):
    """A one-level v1 group B-tree over symbol table nodes of up to 2 leaf_k entries each.
    entries: (name_offset, header_address) in name order, the offsets into the group's
    local heap. Returns the B-tree's address."""
    per_node = 2 * leaf_k
    children, keys = [], [0]
    for start in range(0, len(entries), per_node):
        chunk = entries[start:start + per_node]
        children.append(f.add(symbol_table_node(chunk, leaf_k)))
        keys.append(chunk[-1][0])
    return f.add(group_btree_node(children, keys, 0, internal_k))


def symbol_table(f, links, leaf_k=4, internal_k=16, heap_extra=b""):
    """An old-style group's links: a local heap of the names (heap_extra appended to its
    data segment) and a group B-tree (see group_btree). links: list of (name_bytes,
    header_address), stored sorted by name as libhdf5 requires. Returns (btree_address,
    heap_address) for a symbol table message."""
    links = sorted(links)
    data, offsets = heap_names([name for name, _ in links])
    heap = local_heap(f, data + heap_extra)
    entries = [(offset, header) for offset, (_, header) in zip(offsets, links)]
    tree = group_btree(f, entries, leaf_k, internal_k)
    return tree, heap


def symbol_table_group(f, links, leaf_k=4, internal_k=16):
    """An old-style group holding links; returns its object header address."""
    tree, heap = symbol_table(f, links, leaf_k, internal_k)
    return f.add(v1_object_header([symbol_table_message(tree, heap)]))


# ---------------------------------------------------------------- version 2 B-trees (III.A.2)

BTREE2_NODE_PREFIX = 10  # signature (4), version (1), type (1), checksum (4)


def btree2_header(record_type, node_size, record_size, depth, root, root_records, total_records,
                  split=100, merge=40):
    """Version 2 B-tree header (III.A.2): 'BTHD', version 0, record type, node size, record
    size, depth, split/merge percentages, root node address, records in the root, records
    in the whole tree, checksum (38 bytes)."""
    body = b"BTHD" + bytes([0, record_type]) + struct.pack(
        "<IHHBBQHQ", node_size, record_size, depth, split, merge, root, root_records, total_records)
    return checksummed(body)


def btree2_max_leaf_records(node_size, record_size):
    """Records that fit in a leaf of node_size bytes."""
    return (node_size - BTREE2_NODE_PREFIX) // record_size


def btree2_leaf(record_type, records):
    """Version 2 B-tree leaf node (III.A.2): 'BTLF', version 0, type, the records, checksum.
    Only the used bytes: the rest of the node's size is free space the caller may reserve."""
    return checksummed(b"BTLF" + bytes([0, record_type]) + b"".join(records))


def btree2_internal_depth1(record_type, records, children, node_size, record_size):
    """Version 2 B-tree internal node at depth 1 (III.A.2): 'BTIN', version 0, type, the
    records, then len(records) + 1 child pointers (address, records in the child, sized
    from the leaf capacity of node_size; depth 1 has no "total records" field), checksum.
    children: list of (address, record_count)."""
    assert len(children) == len(records) + 1
    count_bytes = encoded_size(btree2_max_leaf_records(node_size, record_size))
    body = b"BTIN" + bytes([0, record_type]) + b"".join(records)
    for address, count in children:
        body += struct.pack("<Q", address) + uint_le(count, count_bytes)
    return checksummed(body)


def link_name_record(name, heap_id):
    """Record type 5 (III.A.2, "Link Name for Indexed Group"): lookup3 hash of the name,
    then the 7-byte fractal heap ID of the link message."""
    assert len(heap_id) == 7
    return struct.pack("<I", lookup3(name)) + heap_id


# ---------------------------------------------------------------- fractal heaps (III.G)

FRACTAL_HEAP_HEADER_BYTES = 146


def fractal_heap_header(table_width, start_block_size, max_direct_size, max_heap_bits, root,
                        root_rows, id_length=7, max_managed=4096, managed_objects=0,
                        managed_space=0, flags=0):
    """Fractal heap header (III.G): 'FRHP', version 0, heap ID length, no filters, flags,
    max managed object size, huge-object bookkeeping (none), free space (none), managed
    space and object counts, the doubling table (width, starting and maximum direct block
    size, maximum heap size in bits, starting rows, root block address, current rows),
    checksum. root_rows 0 means the root is a direct block."""
    body = b"FRHP" + bytes([0]) + struct.pack("<HHBI", id_length, 0, flags, max_managed)
    body += struct.pack("<QQ", 0, UNDEFINED)  # next huge object ID, huge-object v2 B-tree
    body += struct.pack("<QQ", 0, UNDEFINED)  # free space in managed blocks, free-space manager
    body += struct.pack("<QQQQ", managed_space, managed_space, managed_space, managed_objects)
    body += struct.pack("<QQQQ", 0, 0, 0, 0)  # huge and tiny object sizes and counts
    body += struct.pack("<HQQHHQH", table_width, start_block_size, max_direct_size, max_heap_bits,
                        0, root, root_rows)
    out = checksummed(body)
    assert len(out) == FRACTAL_HEAP_HEADER_BYTES
    return out


def heap_offset_bytes(max_heap_bits):
    """Bytes of a heap offset (block offsets, managed heap IDs): ceil(max heap bits / 8)."""
    return (max_heap_bits + 7) // 8


def fractal_heap_direct_block(heap_header, block_offset, max_heap_bits, objects, block_size):
    """Direct block (III.G): 'FHDB', version 0, heap header address, the block's heap
    offset, then objects; padded to block_size. No checksum (heap flags bit 1 clear).
    Returns (bytes, [offset of each object within the block])."""
    body = b"FHDB" + bytes([0]) + struct.pack("<Q", heap_header)
    body += uint_le(block_offset, heap_offset_bytes(max_heap_bits))
    offsets = []
    for obj in objects:
        offsets.append(len(body))
        body += obj
    assert len(body) <= block_size, "objects do not fit the direct block"
    return body + b"\0" * (block_size - len(body)), offsets


def fractal_heap_indirect_block(heap_header, block_offset, max_heap_bits, child_addresses):
    """Indirect block (III.G): 'FHIB', version 0, heap header address, the block's heap
    offset, then one address per (row, column) entry, row-major, checksum. Unfiltered,
    so direct and indirect entries are plain addresses."""
    body = b"FHIB" + bytes([0]) + struct.pack("<Q", heap_header)
    body += uint_le(block_offset, heap_offset_bytes(max_heap_bits))
    body += b"".join(struct.pack("<Q", a) for a in child_addresses)
    return checksummed(body)


def managed_heap_id(offset, length, max_heap_bits, length_bytes):
    """Managed-object heap ID (III.G, "Fractal Heap ID"): version 0 / type 0 byte, the
    object's heap offset, its length."""
    offset_bytes = heap_offset_bytes(max_heap_bits)
    return bytes([0]) + uint_le(offset, offset_bytes) + uint_le(length, length_bytes)


def heap_length_bytes(max_direct_size, max_managed):
    """Bytes of the length in a managed heap ID, as libhdf5 sizes it: the smaller of the
    bytes of a direct-block offset and the bytes needed for the largest managed object."""
    return min((max_direct_size.bit_length() - 1 + 7) // 8, encoded_size(max_managed))


def managed_object_heap(f, objects, max_heap_bits=32, max_managed=4096):
    """A fractal heap whose root is a single direct block (starting size = maximum direct
    size, the smallest power of two that holds the objects) storing objects. Returns
    (header_address, [heap ID of each object]); the IDs are 7 bytes, as dense link
    storage needs, with the default max_heap_bits and max_managed."""
    used = 5 + 8 + heap_offset_bytes(max_heap_bits) + sum(map(len, objects))
    size = max(512, 1 << (used - 1).bit_length())
    header = f.alloc(FRACTAL_HEAP_HEADER_BYTES)
    block, offsets = fractal_heap_direct_block(header, 0, max_heap_bits, objects, size)
    root = f.add(block)
    f.put(header, fractal_heap_header(4, size, size, max_heap_bits, root, 0, max_managed=max_managed,
                                      managed_objects=len(objects), managed_space=size))
    length_bytes = heap_length_bytes(size, max_managed)
    ids = [managed_heap_id(offset, len(obj), max_heap_bits, length_bytes)
           for offset, obj in zip(offsets, objects)]
    return header, ids


def link_records_by_hash(links, heap_ids):
    """Link-name records (type 5) for links [(name, target)] with their heap IDs, in
    B-tree order: ascending name hash."""
    records = [link_name_record(name, heap_id) for (name, _), heap_id in zip(links, heap_ids)]
    return sorted(records, key=lambda r: struct.unpack_from("<I", r)[0])


def dense_links(f, links, node_size=512):
    """Dense link storage for links [(name, target)]: link messages in a fractal heap and a
    one-leaf version 2 B-tree of their name records. Returns (heap_address, btree_address)
    for a link info message."""
    heap, ids = managed_object_heap(f, [link_message(name, target) for name, target in links])
    records = link_records_by_hash(links, ids)
    assert len(records) <= btree2_max_leaf_records(node_size, 11)
    leaf = f.add(btree2_leaf(BTREE2_LINK_NAME, records), reserve=node_size)
    tree = f.add(btree2_header(BTREE2_LINK_NAME, node_size, 11, 0, leaf, len(records), len(records)))
    return heap, tree
