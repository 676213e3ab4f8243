#!/usr/bin/python3
"""Mutation fuzzing of KerasInspect's managed HDF5 reader, with h5py as the oracle.

Usage: scripts/fuzz --count N --seed S [--out DIR] [--corpus DIR] [--jobs J] [--batch-size B]

Seed files: testdata/hdf5/*.h5, testdata/keras/*.h5 and, when the folder exists, every .h5
under the corpus (default ../shared/corpus/real beside the repository). Case K of seed S is
a pure function of (S, K, the seed files): one seed file and one to three mutations drawn
from random.Random("fuzz:S:K") - truncation, bit flips, zeroed or random blocks, and 8-,
4- or 2-byte fields overwritten with huge lengths - aimed at the structures a metadata
reader parses: near the signatures (superblock, TREE, SNOD, HEAP, GCOL, OHDR, OCHK, FRHP,
FHIB, FHDB, BTHD, BTIN, BTLF), at every object header (v1 headers have no signature; their
addresses come from h5py on the intact seed) and in the first 4 KB.

Each case is read twice:
  h5py         scripts/h5snapshot.py's snapshot(), in a process of its own (forked from
               this one, h5py already imported) with a 10 s timeout and RLIMIT_AS of 2 GiB:
               libhdf5 segfaults or exhausts memory on a few percent of damaged files.
  KerasInspect the Release build of the CLI, 'h5dump --batch' over many cases per process,
               with a timeout and DOTNET_GCHeapHardLimit; a batch that dies, times out or
               reports an internal error is rerun file by file to find the culprit.

Outcomes:
  ours-crashed            exit code 70 or a signal
  ours-hung               over the timeout
  ok-same                 both read the file and their JSON is identical
  disagreement            h5py read the file cleanly; ours refused it or its JSON differs
  refused-outside-subset  h5py read it; ours refused it as a structure outside its subset
  refused-breaks-rule     h5py read it; ours refused a structure that breaks one of the documented subset's
                          rules (SUBSET_RULES, ../shared/docs/hdf5-subset.md) which libhdf5 does not check;
                          where the rule is about a global heap collection, this script confirms the claim
                          by parsing that collection itself
  both-refused            both gave a clean error
  ours-read-h5py-refused  h5py gave a clean error; ours read the file
  h5py-crashed            h5py died (signal), ran out of memory or hung; ours was clean
  oracle-failed           h5snapshot.py itself raised (not h5py), or wrote JSON it cannot encode
Every ours-crashed, ours-hung and disagreement case is copied to the output folder
(default testdata/regressions/) as seed<S>-case<K>.h5, described by one line of INDEX.jsonl
(source, mutations, outcome, what differed). Cases made from a corpus file go to its corpus/
subfolder, which git ignores: the corpus is never copied into the repository; --first K
--count 1 with the same seed and corpus makes such a case again. The exit code is 1 when
there is any such case, else 0.
"""

import argparse
import errno
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

try:
    import h5py
except ImportError:
    print("fuzz: h5py is missing; install Debian's python3-h5py: apt-get install -y python3-h5py", file=sys.stderr)
    sys.exit(1)

from h5snapshot import snapshot  # noqa: E402  (needs h5py, checked above)

CLI_DLL = REPO / "artifacts" / "bin" / "KerasInspect.Cli" / "release" / "kerasinspect.dll"
SIGNATURES = [b"\x89HDF\r\n\x1a\n", b"TREE", b"SNOD", b"HEAP", b"GCOL", b"OHDR", b"OCHK",
              b"FRHP", b"FHIB", b"FHDB", b"BTHD", b"BTIN", b"BTLF"]
ORACLE_TIMEOUT = 10.0
ORACLE_MEMORY = 2 << 30
OURS_HEAP_LIMIT = "0x80000000"  # 2 GiB, DOTNET_GCHeapHardLimit is hexadecimal
OURS_TIMEOUT_PER_FILE = 10.0
OUTCOMES = ["ok-same", "both-refused", "refused-outside-subset", "refused-breaks-rule", "ours-read-h5py-refused",
            "h5py-crashed",
            "oracle-failed", "disagreement", "ours-crashed", "ours-hung"]
SAVED = {"ours-crashed", "ours-hung", "disagreement"}
# Refusals of damage libhdf5 reads past without a check, each a rule of the documented subset (hdf5-subset.md):
# (key, pattern the whole message must match, the rule, what libhdf5 does instead). A refusal counts as
# refused-breaks-rule only when confirm_rule() also finds the damage itself, in the case's bytes or in h5py's listing.
SUBSET_RULES = [
    ("heap-missing", r"global heap collection at byte (\d+) has no object (\d+)",
     "M12: a string refers to an object its global heap collection holds", "libhdf5 returns an empty string"),
    ("heap-overrun", r"global heap object (\d+) claims (\d+) bytes, past the end of its collection at byte (\d+)",
     "M12: every global heap object lies inside its collection", "libhdf5 reads past the collection"),
    ("heap-twice", r"global heap collection at byte (\d+) holds object (\d+) twice",
     "M12: a global heap collection holds each object index once", "libhdf5 keeps one of them"),
    ("heap-free-space", r"the free space of the global heap collection at byte (\d+) claims (\d+) bytes, but (\d+) remain "
     r"to the collection's end",
     "M12: the free-space object runs to the end of its collection", "libhdf5 parses free space as objects"),
    ("string-overrun", r"variable-length string claims (\d+) × (\d+) bytes, its heap object holds (\d+)",
     "M12: a string's length times its base size fits its heap object", "libhdf5 reads past the object"),
    ("no-dataspace", r"the dataset has no dataspace message",
     "M13: a dataset (it has a data layout message) has a dataspace message",
     "libhdf5 calls the object a committed datatype"),
    ("short-message", r"header message 0x(0010|0011|0003|000c) ends early: needed \d+ more bytes, (\d+) left in its (\d+)-byte block",
     "M3: a header message's fields lie inside its declared size (continuation, symbol table, datatype, attribute)",
     "libhdf5 decodes past the message"),
    ("zero-size-type", r"datatype element size 0 is not valid",
     "M10: a datatype's element is at least one byte", "libhdf5 reads 0-byte characters as an empty string"),
    ("integer-bits", r"integer type of attribute '.*' has (\d+) significant bits at bit (\d+), outside its (\d+) bits",
     "M10: an integer attribute's significant bits lie inside its element", "libhdf5 reads bits past the element"),
    ("name-twice", r"the group links the name '(.*)' twice",
     "M7: a group's entries are sorted by name, so no name appears twice",
     "libhdf5 lists the name twice, both resolving to the first"),
]
ALLOCATION_FAILURE = re.compile(r"memory allocation failed|can't allocate|out of memory", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Seeds and mutations


class Seed:
    def __init__(self, path, name):
        self.path = path
        self.name = name
        self.data = path.read_bytes()
        self.hot = hot_spots(path, self.data)


def hot_spots(path, data):
    """Offsets a metadata reader parses: every signature and every object header h5py reaches."""
    spots = set()
    for signature in SIGNATURES:
        at = data.find(signature)
        while at >= 0:
            spots.add(at)
            at = data.find(signature, at + 1)
    try:
        with h5py.File(path, "r") as h5file:
            base = h5file.userblock_size

            def visit(name, obj=None):
                target = h5file[name] if obj is None else obj
                spots.add(base + h5py.h5o.get_info(target.id).addr)

            visit("/", h5file["/"])
            h5file.visititems(visit)
    except Exception:  # a seed h5py cannot walk still has its signatures
        pass
    return sorted(s for s in spots if s < len(data))


def find_seeds(corpus):
    seeds = []
    for folder in (REPO / "testdata" / "hdf5", REPO / "testdata" / "keras"):
        seeds += [Seed(p, str(p.relative_to(REPO))) for p in sorted(folder.glob("*.h5"))]
    if corpus is not None and corpus.is_dir():
        for p in sorted(corpus.rglob("*.h5")):
            seeds.append(Seed(p, "corpus/" + str(p.relative_to(corpus))))
    return seeds


def hot_position(rng, seed, length):
    """Mostly just after a signature or object header start, often in the first 4 KB, sometimes anywhere."""
    roll = rng.random()
    if roll < 0.5 and seed.hot:
        at = rng.choice(seed.hot) + rng.randrange(rng.choice([16, 64, 256]))
    elif roll < 0.8:
        at = rng.randrange(min(4096, length))
    else:
        at = rng.randrange(length)
    return min(at, length - 1)


def huge_value(rng, width, length):
    if width == 8:
        return rng.choice([2**64 - 1, 2**63 - 1, 2**63, 2**62, 2**48, 2**40, 2**32 + 1, 2**32 - 1, 2**31,
                           2 * length, length + 1, length - 1, rng.getrandbits(64)])
    if width == 4:
        return rng.choice([2**32 - 1, 2**31 - 1, 2**31, 2**24, 2**16, (2 * length) & 0xFFFFFFFF, rng.getrandbits(32)])
    return rng.choice([0xFFFF, 0x8000, 0x7FFF, 0x1000, rng.getrandbits(16)])


def mutate_once(rng, seed, data, kind):
    """Apply one mutation to the bytearray in place (truncation returns a shorter copy); return (data, description)."""
    length = len(data)
    if kind == "truncate":
        roll = rng.random()
        if roll < 0.4:
            cut = hot_position(rng, seed, length)
        elif roll < 0.7:
            cut = length - rng.randrange(1, min(length, 4096) + 1)
        else:
            cut = rng.randrange(length)
        return data[:cut], "truncate@%d" % cut
    if kind == "flip":
        flips = []
        for _ in range(rng.choice([1, 1, 1, 2, 3, 4, 8])):
            at, bit = hot_position(rng, seed, length), rng.randrange(8)
            data[at] ^= 1 << bit
            flips.append("%d.%d" % (at, bit))
        return data, "flip@" + ",".join(flips)
    if kind in ("zero", "random"):
        at = hot_position(rng, seed, length)
        size = min(rng.choice([1, 2, 4, 8, 16, 64, 256, 1024]), length - at)
        data[at:at + size] = bytes(size) if kind == "zero" else rng.randbytes(size)
        return data, "%s@%d+%d" % (kind, at, size)
    width = rng.choice([8, 8, 8, 8, 8, 8, 4, 4, 4, 2])
    at = min(hot_position(rng, seed, length), length - width)
    value = huge_value(rng, width, length)
    data[at:at + width] = value.to_bytes(width, "little")
    return data, "huge%d@%d=0x%x" % (width, at, value)


def make_case(seeds, fuzz_seed, case):
    """Case `case` of seed `fuzz_seed`: (seed file, mutated bytes, mutation descriptions)."""
    rng = random.Random("fuzz:%d:%d" % (fuzz_seed, case))
    seed = seeds[rng.randrange(len(seeds))]
    data = bytearray(seed.data)
    count = rng.choice([1, 1, 1, 2, 3])
    kinds = rng.choices(["truncate", "flip", "zero", "random", "huge"], weights=[15, 35, 12, 13, 25], k=count)
    kinds.sort(key=lambda k: k == "truncate")  # a truncation last, so the others land inside the file
    described = []
    for kind in kinds:
        if len(data) < 16:
            break
        data, text = mutate_once(rng, seed, data, kind)
        described.append(text)
    return seed, bytes(data), described


# ---------------------------------------------------------------------------------------------
# The h5py oracle: one forked process per case


def describe(error):
    message = " ".join(str(error).split()) or type(error).__name__
    return "%s: %s" % (type(error).__name__, message[:2000])


def oracle_child(path, result_path):
    """Runs in the forked child: never returns.

    Status "error" is h5py (libhdf5) refusing the file; "oracle-error" is an exception raised by
    h5snapshot.py's own code, or its result not being encodable as JSON: the oracle's failure, not the file's.
    """
    status = 0
    try:
        # libhdf5 and glibc write their last words (e.g. "free(): invalid pointer") to fd 2: keep them per case.
        error_fd = os.open(result_path + ".stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(error_fd, 2)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        resource.setrlimit(resource.RLIMIT_AS, (ORACLE_MEMORY, ORACLE_MEMORY))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        try:
            with h5py.File(path, "r") as h5file:
                result = {"status": "ok", "snapshot": snapshot(h5file)}
        except MemoryError:
            result = {"status": "rlimit", "error": "MemoryError"}
        except Exception as error:
            raised_in = traceback.extract_tb(error.__traceback__)[-1].filename
            status_name = ("oracle-error" if raised_in.endswith("h5snapshot.py")
                           else "rlimit" if ALLOCATION_FAILURE.search(str(error)) else "error")
            result = {"status": status_name, "error": describe(error)}
        try:
            encoded = json.dumps(result, ensure_ascii=False).encode("utf-8")
        except (ValueError, TypeError) as error:  # UnicodeEncodeError is a ValueError
            encoded = json.dumps({"status": "oracle-error", "error": "result not encodable: " + describe(error)}).encode("utf-8")
        with open(result_path, "wb") as stream:
            stream.write(encoded)
    except MemoryError:
        status = 3  # no memory left even to write the result
    except BaseException:
        status = 4
    os._exit(status)


def start_oracle(path):
    result_path = str(path) + ".h5py.json"
    pid = os.fork()
    if pid == 0:
        oracle_child(str(path), result_path)
    return pid, result_path


def oracle_result(wait_status, result_path, seconds):
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        try:
            with open(result_path + ".stderr", encoding="utf-8", errors="replace") as stream:
                last_words = " ".join(stream.read().split())[-300:]
        except OSError:
            last_words = ""
        return {"status": "crash", "error": "killed by %s" % signal.Signals(number).name, "stderr": last_words,
                "seconds": seconds}
    code = os.WEXITSTATUS(wait_status)
    if code == 3:
        return {"status": "rlimit", "error": "MemoryError while writing the result", "seconds": seconds}
    try:
        with open(result_path, encoding="utf-8") as stream:
            result = json.load(stream)
    except (OSError, ValueError) as error:
        return {"status": "crash", "error": "exit code %d, no result (%s)" % (code, error), "seconds": seconds}
    result["seconds"] = seconds
    return result


# ---------------------------------------------------------------------------------------------
# KerasInspect: many cases per process


def ours_command(paths):
    return ["dotnet", str(CLI_DLL), "h5dump", "--batch", "--"] + [str(p) for p in paths]


def ours_environment():
    env = dict(os.environ)
    env.update({"DOTNET_GCHeapHardLimit": OURS_HEAP_LIMIT, "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
                "DOTNET_NOLOGO": "1", "CI": "true"})
    return env


class OursBatch:
    """One 'h5dump --batch' process, read without blocking so the oracle children run alongside it.

    The CLI flushes after each file's entry, so the arrival time of the bytes that close an entry
    ("\\n  }" at the entries' indentation) is when that file was done: the time per file.
    """

    def __init__(self, paths, workdir, warm_up):
        self.paths = paths
        self.deadline_seconds = 30.0 + 1.0 * len(paths)
        self.stderr_path = workdir / "ours.stderr"
        self.stderr = open(self.stderr_path, "wb")
        self.started = time.monotonic()
        # The warm-up file goes first so that start-up and most JIT compilation are not charged to a case.
        self.process = subprocess.Popen(ours_command([warm_up] + paths), stdout=subprocess.PIPE, stderr=self.stderr,
                                        env=ours_environment())
        os.set_blocking(self.process.stdout.fileno(), False)
        self.chunks = []  # (bytes received so far, time)
        self.output = bytearray()
        self.timed_out = False
        self.returncode = None

    def poll(self):
        """Reads what is there; returns True while the process is still running."""
        self._drain()
        if self.returncode is not None:
            return False
        if self.process.poll() is not None:
            self._drain(final=True)
            self.returncode = self.process.returncode
            self.stderr.close()
            return False
        if time.monotonic() - self.started > self.deadline_seconds:
            self.process.kill()
            self.process.wait()
            self._drain(final=True)
            self.timed_out = True
            self.returncode = self.process.returncode
            self.stderr.close()
            return False
        return True

    def _drain(self, final=False):
        fd = self.process.stdout.fileno()
        while True:
            try:
                chunk = os.read(fd, 1 << 20)
            except BlockingIOError:
                return
            except OSError as error:
                if error.errno == errno.EAGAIN:
                    return
                raise
            if not chunk:
                if final:
                    self.process.stdout.close()
                return
            self.output += chunk
            self.chunks.append((len(self.output), time.monotonic()))

    def entries(self):
        """The parsed entries and each file's seconds, or None when the document is incomplete."""
        try:
            files = json.loads(self.output.decode("utf-8"))["files"]
        except (ValueError, KeyError, TypeError):
            return None
        if len(files) != len(self.paths) + 1:
            return None
        ends = [m.end() for m in re.finditer(rb"\n  \}", self.output)]
        previous, seconds = self.started, []
        for i in range(len(files)):
            done = next((t for size, t in self.chunks if i < len(ends) and size >= ends[i]), previous)
            seconds.append(max(0.0, done - previous))
            previous = done
        return list(zip(files[1:], seconds[1:]))


def ours_single(path):
    """Reruns one file alone: its entry, or the crash or hang."""
    started = time.monotonic()
    try:
        run = subprocess.run(ours_command([path]), capture_output=True, env=ours_environment(),
                             timeout=OURS_TIMEOUT_PER_FILE)
    except subprocess.TimeoutExpired:
        return {"status": "hung", "seconds": time.monotonic() - started}
    seconds = time.monotonic() - started
    stderr = run.stderr.decode("utf-8", "replace").strip()
    if run.returncode < 0:
        return {"status": "crash", "exit": run.returncode,
                "error": "killed by %s" % signal.Signals(-run.returncode).name, "stderr": stderr[-2000:], "seconds": seconds}
    try:
        entry = json.loads(run.stdout.decode("utf-8"))["files"][0]
    except (ValueError, KeyError, TypeError, IndexError):
        return {"status": "crash", "exit": run.returncode, "error": "no JSON document", "stderr": stderr[-2000:],
                "seconds": seconds}
    return from_entry(entry, run.returncode, stderr, seconds)


def from_entry(entry, exit_code, stderr, seconds):
    if exit_code == 70 or (entry["error"] or {}).get("message", "").startswith("internal error:"):
        return {"status": "crash", "exit": 70, "error": (entry["error"] or {}).get("message"), "stderr": stderr[-2000:],
                "seconds": seconds}
    if entry["error"] is not None:
        return {"status": "error", "exit": exit_code, "error": entry["error"], "seconds": seconds}
    return {"status": "ok", "exit": exit_code, "snapshot": entry["snapshot"], "seconds": seconds}


def ours_results(batch):
    """Per file results of a finished batch; files of a batch that died, hung or hit a bug are rerun alone."""
    parsed = None if batch.timed_out or batch.returncode not in (0, 3, 70) else batch.entries()
    if parsed is None:
        return [ours_single(p) for p in batch.paths]
    results = []
    for path, (entry, seconds) in zip(batch.paths, parsed):
        if entry["path"] != str(path):
            return [ours_single(p) for p in batch.paths]
        exit_code = 0 if entry["error"] is None else 3
        result = from_entry(entry, exit_code, "", seconds)
        results.append(ours_single(path) if result["status"] == "crash" else result)
    return results


# ---------------------------------------------------------------------------------------------
# Classification


def first_difference(expected, actual):
    a, b = expected["objects"], actual["objects"]
    for i in range(min(len(a), len(b))):
        if a[i] != b[i]:
            return "object %d (%s): h5py %s; ours %s" % (i, a[i].get("path"), clip(a[i]), clip(b[i]))
    return "h5py lists %d objects, ours %d; first extra: %s" % (
        len(a), len(b), clip((a if len(a) > len(b) else b)[min(len(a), len(b))]))


def difference_kind(expected, actual):
    """Which field of the first differing object differs, to count disagreements by kind."""
    for x, y in zip(expected["objects"], actual["objects"]):
        if x == y:
            continue
        if x.get("path") != y.get("path"):
            return "differs: object path"
        if x.get("kind") != y.get("kind"):
            return "differs: kind (h5py %s, ours %s)" % (x.get("kind"), y.get("kind"))
        for key in ("shape", "dtype", "target", "file"):
            if x.get(key) != y.get(key):
                return "differs: %s %s" % (x["kind"], key)
        xa, ya = x.get("attributes", []), y.get("attributes", [])
        if [a["name"] for a in xa] != [a["name"] for a in ya]:
            return "differs: attribute names"
        for a, b in zip(xa, ya):
            for key in ("dtype", "shape", "value"):
                if a[key] != b[key]:
                    return "differs: attribute %s (h5py %s, ours %s)" % (key, a["dtype"], b["dtype"])
    return "differs: object count"


def clip(value, limit=600):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "..."


def classify(oracle, ours, data):
    """(outcome, detail, kind): kind groups disagreements and refusals for the summary. data: the case's bytes."""
    if ours["status"] == "crash":
        return "ours-crashed", "%s; %s" % (ours.get("error"), ours.get("stderr", "")[:600]), ours.get("error")
    if ours["status"] == "hung":
        return "ours-hung", "no answer in %.0f s" % OURS_TIMEOUT_PER_FILE, ""
    if oracle["status"] in ("crash", "rlimit", "timeout"):
        return "h5py-crashed", "h5py %s: %s" % (oracle["status"], oracle.get("error")), oracle["status"]
    if oracle["status"] == "oracle-error":
        return "oracle-failed", oracle["error"], structure(oracle["error"])
    if oracle["status"] == "ok":
        if ours["status"] == "ok":
            if ours["snapshot"] == oracle["snapshot"]:
                return "ok-same", "", ""
            return ("disagreement", "differs: " + first_difference(oracle["snapshot"], ours["snapshot"]),
                    difference_kind(oracle["snapshot"], ours["snapshot"]))
        message = ours["error"]["message"]
        if ours["error"]["unsupported"]:
            return "refused-outside-subset", message, structure(message)
        rule = broken_rule(ours["error"], data, oracle)
        if rule:
            return "refused-breaks-rule", message, rule
        return ("disagreement", "ours refused what h5py read: %s (byte %s, %s)" % (
            message, ours["error"]["offset"], ours["error"]["objectPath"]), "ours refused: " + structure(message))
    if ours["status"] == "ok":
        return "ours-read-h5py-refused", oracle["error"], structure(oracle["error"])
    return "both-refused", "", ""


def broken_rule(error, data, oracle):
    """The SUBSET_RULES entry a refusal names, as "rule (what libhdf5 does)", when the damage is confirmed; else None."""
    for key, pattern, rule, libhdf5 in SUBSET_RULES:
        found = re.fullmatch(pattern, error["message"])
        if found:
            return "%s (%s)" % (rule, libhdf5) if confirm_rule(key, found.groups(), error, data, oracle) else None
    return None


def confirm_rule(key, groups, error, data, oracle):
    """Finds the damage a refusal reports without KerasInspect: in the case's bytes or in h5py's own listing."""
    at = error["offset"]
    if key == "heap-missing":
        objects, _ = global_heap_objects(data, int(groups[0]))
        return objects is not None and int(groups[1]) not in [i for i, _, _ in objects if i != 0]
    if key == "heap-twice":
        objects, _ = global_heap_objects(data, int(groups[0]))
        return objects is not None and [i for i, _, _ in objects].count(int(groups[1])) > 1
    if key == "heap-free-space":
        objects, end = global_heap_objects(data, int(groups[0]))
        free = [(size, offset) for i, size, offset in (objects or []) if i == 0]
        return bool(free) and free[0][0] != end - free[0][1]
    if key == "heap-overrun":
        # the error points at the object's size field; its collection is the last GCOL before it
        header = at - 8
        collection = data.rfind(b"GCOL", 0, header)
        _, end = global_heap_objects(data, collection) if collection >= 0 else (None, None)
        return (end == int(groups[2]) and u(data, header, 2) == int(groups[0]) and u(data, at, 8) == int(groups[1])
                and header + 16 + int(groups[1]) > end)
    if key == "string-overrun":
        # the error points at the string's reference: length (4), collection address (8), object index (4)
        length, collection, index = u(data, at, 4), u(data, at + 4, 8), u(data, at + 12, 4)
        objects, _ = global_heap_objects(data, base_address(data) + collection)
        sizes = [size for i, size, _ in (objects or []) if i == index and i != 0]
        return (length == int(groups[0]) and sizes == [int(groups[2])]
                and length * int(groups[1]) > int(groups[2]))
    if key == "no-dataspace":
        return any(o["path"] == error["objectPath"] and o["kind"] == "datatype" for o in oracle["snapshot"]["objects"])
    if key == "name-twice":
        path = error["objectPath"].rstrip("/") + "/" + groups[0]
        return [o["path"] for o in oracle["snapshot"]["objects"]].count(path) > 1
    if key == "short-message":
        # the error points where the read stopped; the message's data starts (block - left) bytes before, after its
        # version 1 header (type 2 bytes, size 2 bytes, flags, 3 reserved)
        kind, size = int(groups[0], 16), int(groups[2])
        start = at - (size - int(groups[1]))
        if u(data, start - 8, 2) != kind or u(data, start - 6, 2) != size:
            return False
        return fields_end(kind, data, start) > size
    if key == "zero-size-type":
        return u(data, at, 4) == 0
    if key == "integer-bits":
        return int(groups[0]) + int(groups[1]) > int(groups[2])
    return False


# Bytes of properties after a datatype message's 8-byte header, for the classes whose properties have a fixed size.
TYPE_PROPERTY_BYTES = {0: 4, 1: 12, 2: 2, 4: 4}


def fields_end(kind, data, start):
    """Where a message's fixed fields end, counted from its data, by the spec alone (0 when this script cannot tell)."""
    if kind in (0x0010, 0x0011):
        return 16  # continuation: address and length; symbol table: B-tree and local heap addresses
    if kind == 0x0003:
        return 8 + TYPE_PROPERTY_BYTES.get(data[start] & 0x0F, 0) if start < len(data) else 0
    version = data[start] if start < len(data) else 0
    sizes = [u(data, start + 2 + 2 * i, 2) or 0 for i in range(3)]  # name, datatype, dataspace
    if version == 1:
        return 8 + sum((n + 7) & ~7 for n in sizes)
    return {2: 8, 3: 9}.get(version, 0) + sum(sizes) if version in (2, 3) else 0


def u(data, offset, width):
    """A little-endian unsigned field of the case's bytes, or None past its end."""
    return int.from_bytes(data[offset:offset + width], "little") if 0 <= offset and offset + width <= len(data) else None


def base_address(data):
    """Where the superblock is (0, or after a user block of 512, 1024, ... bytes): stored addresses count from there."""
    offset = 0
    while offset + 8 <= len(data):
        if data[offset:offset + 8] == b"\x89HDF\r\n\x1a\n":
            return offset
        offset = 512 if offset == 0 else offset * 2
    return 0


def global_heap_objects(data, address):
    """[(index, size, header offset)] of the GCOL collection at address, scanned as the spec lays it out, and its end."""
    if address < 0 or data[address:address + 4] != b"GCOL" or address + 16 > len(data):
        return None, None
    end = address + int.from_bytes(data[address + 8:address + 16], "little")
    objects, offset = [], address + 16
    while end - offset >= 16 and offset + 16 <= len(data):
        index = int.from_bytes(data[offset:offset + 2], "little")
        size = int.from_bytes(data[offset + 8:offset + 16], "little")
        objects.append((index, size, offset))
        if index == 0:
            break
        offset += 16 + ((size + 7) & ~7)
    return objects, end


def structure(message):
    """An unsupported-structure message with its numbers and names taken out, to count by kind."""
    return re.sub(r"'[^']*'", "'…'", re.sub(r"\b(0x)?[0-9a-f]*\d[0-9a-f]*\b", "N", message))


# ---------------------------------------------------------------------------------------------
# The run


def ensure_release_build(force):
    sources = [p for p in (REPO / "src").rglob("*") if p.suffix in (".cs", ".csproj")]
    stale = not CLI_DLL.exists() or any(p.stat().st_mtime > CLI_DLL.stat().st_mtime for p in sources)
    if force or stale:
        print("fuzz: building the Release CLI", file=sys.stderr, flush=True)
        subprocess.run(["dotnet", "build", str(REPO / "src" / "KerasInspect.Cli" / "KerasInspect.Cli.csproj"),
                        "-c", "Release", "--nologo", "-v", "quiet"], check=True, stdout=subprocess.DEVNULL)


def run_chunk(cases, workdir, jobs):
    """cases: [(case number, path)]. Returns {case: (oracle, ours)}."""
    batch = OursBatch([p for _, p in cases], workdir, REPO / "testdata" / "hdf5" / "links.h5")
    pending = list(cases)
    running = {}  # pid -> (case, result path, start)
    oracle = {}
    ours_running = True
    while pending or running or ours_running:
        busy = False
        while pending and len(running) < jobs:
            case, path = pending.pop(0)
            pid, result_path = start_oracle(path)
            running[pid] = (case, result_path, time.monotonic())
            busy = True
        for pid, (case, result_path, started) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            seconds = time.monotonic() - started
            if done:
                oracle[case] = oracle_result(status, result_path, seconds)
                del running[pid]
                busy = True
            elif seconds > ORACLE_TIMEOUT:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                oracle[case] = {"status": "timeout", "error": "no answer in %.0f s" % ORACLE_TIMEOUT,
                                "seconds": seconds}
                del running[pid]
        if ours_running:
            ours_running = batch.poll()
        if not busy:
            time.sleep(0.002)
    ours = ours_results(batch)
    return {case: (oracle[case], ours[i]) for i, (case, _) in enumerate(cases)}


def save_case(out, name, data, record, index):
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(data)
    index[name] = record


def write_index(out, index):
    path = out / "INDEX.jsonl"
    existing = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                existing[record["file"]] = record
    for name, record in index.items():
        # A triage note added by hand ("resolution") outlives a rerun of the same case.
        if "resolution" in existing.get(name, {}):
            record = dict(record, resolution=existing[name]["resolution"])
        existing[name] = record
    with open(path, "w", encoding="utf-8") as stream:
        for name in sorted(existing):
            stream.write(json.dumps(existing[name], ensure_ascii=False, sort_keys=True) + "\n")


def summarize(record):
    if record["status"] == "ok":
        return {"status": "ok"}
    return {k: v for k, v in record.items() if k in ("status", "error", "exit")}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of cases")
    parser.add_argument("--seed", type=int, required=True, help="the run's seed: the same seed gives the same cases")
    parser.add_argument("--out", type=Path, default=REPO / "testdata" / "regressions",
                        help="where crashers, hangs and disagreements are saved (default testdata/regressions)")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "real",
                        help="more seed files, used when the folder exists (default ../shared/corpus/real)")
    parser.add_argument("--first", type=int, default=0, help="number of the first case (to replay one: --first K --count 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="h5py processes at a time")
    parser.add_argument("--batch-size", type=int, default=250, help="cases per KerasInspect process")
    parser.add_argument("--build", action="store_true", help="rebuild the Release CLI even when it looks current")
    parser.add_argument("--keep", type=Path, help="also write every case's bytes to this folder")
    args = parser.parse_args(argv)

    ensure_release_build(args.build)
    seeds = find_seeds(args.corpus)
    if not seeds:
        print("fuzz: no seed files found", file=sys.stderr)
        return 2
    corpus_seeds = sum(s.name.startswith("corpus/") for s in seeds)
    print("fuzz: seed %d, cases %d..%d, %d seed files (%d from the corpus)" % (
        args.seed, args.first, args.first + args.count - 1, len(seeds), corpus_seeds), file=sys.stderr, flush=True)

    started = time.monotonic()
    outcomes, exit_codes, structures, rules, lenient = Counter(), Counter(), Counter(), Counter(), Counter()
    kinds, oracle_failures = Counter(), Counter()
    native = Counter()
    slowest_ours = slowest_oracle = (0.0, None)
    findings, index = [], {}
    workdir = Path(tempfile.mkdtemp(prefix="kerasinspect-fuzz-"))
    try:
        cases = range(args.first, args.first + args.count)
        for chunk_start in range(0, len(cases), args.batch_size):
            chunk = cases[chunk_start:chunk_start + args.batch_size]
            made = {}
            for case in chunk:
                seed, data, mutations = make_case(seeds, args.seed, case)
                path = workdir / ("case%05d.h5" % case)
                path.write_bytes(data)
                made[case] = (seed, data, mutations, path)
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, args.keep / ("seed%d-case%05d.h5" % (args.seed, case)))
            results = run_chunk([(c, made[c][3]) for c in chunk], workdir, args.jobs)
            for case in chunk:
                seed, data, mutations, path = made[case]
                oracle, ours = results[case]
                outcome, detail, kind = classify(oracle, ours, data)
                outcomes[outcome] += 1
                exit_codes[ours.get("exit", "hung" if ours["status"] == "hung" else "signal")] += 1
                tally = {"refused-outside-subset": structures, "refused-breaks-rule": rules,
                         "ours-read-h5py-refused": lenient,
                         "disagreement": kinds, "oracle-failed": oracle_failures}.get(outcome)
                if tally is not None:
                    tally[kind[:200]] += 1
                if oracle["status"] in ("crash", "rlimit", "timeout"):
                    native["%s: %s" % (oracle["status"], oracle["error"]) if oracle["status"] == "crash"
                           else oracle["status"]] += 1
                label = "seed%d-case%05d.h5" % (args.seed, case)
                if ours.get("seconds", 0) > slowest_ours[0]:
                    slowest_ours = (ours["seconds"], "%s (%s, %s)" % (label, seed.name, " ".join(mutations)))
                if oracle.get("seconds", 0) > slowest_oracle[0]:
                    slowest_oracle = (oracle["seconds"], "%s (%s, %s)" % (label, seed.name, " ".join(mutations)))
                if outcome in SAVED:
                    # The shared corpus is never copied into the repository: its cases go to a folder git ignores.
                    name = ("corpus/" if seed.name.startswith("corpus/") else "") + label
                    record = {"file": name, "seed": args.seed, "case": case, "source": seed.name,
                              "mutations": mutations, "outcome": outcome, "detail": detail,
                              "h5py": summarize(oracle), "ours": summarize(ours)}
                    save_case(args.out, name, data, record, index)
                    findings.append(record)
                path.unlink()
                for leftover in workdir.glob(path.name + ".*"):
                    leftover.unlink()
            done = chunk_start + len(chunk)
            print("fuzz: %d/%d cases, %.0f s, %d findings" % (done, len(cases), time.monotonic() - started, len(findings)),
                  file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if index:
        write_index(args.out, index)

    elapsed = time.monotonic() - started
    print("cases: %d in %.0f s (seed %d, %d seed files, %d from the corpus)" % (
        args.count, elapsed, args.seed, len(seeds), corpus_seeds))
    print("outcomes:")
    for outcome in OUTCOMES:
        print("  %-24s %6d" % (outcome, outcomes[outcome]))
    print_tally("refused, outside the subset, by structure:", structures)
    print_tally("refused, breaks a rule of the documented subset that libhdf5 does not check, by rule:", rules)
    print_tally("disagreements, by kind:", kinds)
    print_tally("oracle (h5snapshot.py) failures:", oracle_failures)
    print_tally("read by kerasinspect, refused by h5py, by h5py's error (most common):", lenient, most=12)
    print("kerasinspect exit codes: " + ", ".join("%s: %d" % (k, v) for k, v in sorted(exit_codes.items(), key=str)))
    print("slowest case, kerasinspect: %.2f s %s" % slowest_ours)
    print("slowest case, h5py: %.2f s %s" % slowest_oracle)
    print("native library (h5py/libhdf5) crashes and hangs: %d" % sum(native.values()))
    print_tally(None, native)
    if findings:
        print("findings (saved to %s, described in INDEX.jsonl):" % args.out)
        for record in findings:
            print("  %s [%s] %s %s: %s" % (record["file"], record["outcome"], record["source"],
                                          " ".join(record["mutations"]), record["detail"][:400]))
    return 1 if findings else 0


def print_tally(title, counter, most=None):
    """A counter's entries, most common first, under a title (nothing at all when it is empty)."""
    if not counter:
        return
    if title:
        print(title)
    for text, n in counter.most_common(most):
        print("  %6d  %s" % (n, text))


if __name__ == "__main__":
    sys.exit(main())
