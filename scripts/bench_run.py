#!/usr/bin/python3
"""Time kerasinspect (JIT and Native AOT), h5ls -r and an h5py script side by side on scripts/bench_data.py's inputs.

Usage: /usr/bin/python3 scripts/bench_run.py DATA_DIR --ki "dotnet path/kerasinspect.dll"
           [--aot PATH] [--h5ls PATH] [--runs 7] [--folder-runs 3]

Called by scripts/bench, which builds both CLIs and writes DATA_DIR. Every command runs once
unmeasured (a warm-up that also checks its exit code), then the tools take turns run by run, so
drift hits them alike. Wall time is the median over the runs; peak memory is the largest maximum
resident set size over the runs, of the process and every child it waited for (wait4).
Peak memory comes from /usr/bin/time's %M when it is installed (Debian package "time"): a
process forked from this Python harness would inherit the harness's own RSS as its floor.
Without it, the harness's floor (~10 MB) is included and the report says so.
Prints the machine, a Markdown table and the issue's targets, met or missed.
"""

import argparse
import glob
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
H5PY_SCRIPT = os.path.join(HERE, "bench_h5py_sum.py")
JIT, AOT = "kerasinspect JIT", "kerasinspect AOT"
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


class Result:
    def __init__(self, label, inputs):
        self.label, self.inputs = label, inputs  # inputs: how many models one run reads
        self.walls, self.cpus, self.rss_kb = [], [], []

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def peak_mb(self):
        return max(self.rss_kb) / 1024.0

    @property
    def cpu_seconds(self):
        return statistics.median(self.cpus)

    @property
    def cpu_percent(self):
        """Median (user + system) / wall, as /usr/bin/time's %P: 200% = both of 2 cores busy."""
        return statistics.median(c / w * 100.0 for c, w in zip(self.cpus, self.walls))


def measure(argv):
    """Run argv with stdout to /dev/null; (wall s, cpu s, max RSS KB, exit code, stderr tail).

    Wall and CPU time (user + system of argv and its children) come from wait4; the max RSS from
    /usr/bin/time -f %M when available (see the module docstring), else from wait4 as well.
    """
    with tempfile.NamedTemporaryFile("r", prefix="bench-time.") as rss_file:
        command = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + argv if GNU_TIME else argv
        with open(os.devnull, "wb") as null:
            start = time.perf_counter()
            proc = subprocess.Popen(command, stdout=null, stderr=subprocess.PIPE)
            err = proc.stderr.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen quiet
            proc.stderr.close()
        rss = usage.ru_maxrss
        if GNU_TIME:
            lines = rss_file.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
    return wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, err[-2000:]


def bench(commands, runs):
    """commands: [(label, argv, inputs)]; the labels take turns within each run."""
    results = []
    for label, argv, inputs in commands:
        _, _, _, code, err = measure(argv)
        if code != 0:
            sys.exit("bench: %s exited with %d on the warm-up run:\n  %s\n%s"
                     % (" ".join(label) if isinstance(label, tuple) else label, code, " ".join(shlex.quote(a) for a in argv[:8]),
                        err.decode("utf-8", "replace")))
        results.append(Result(label, inputs))
    busy_before, start = busy_seconds(), time.perf_counter()
    for _ in range(runs):
        for (label, argv, _), result in zip(commands, results):
            wall, cpu, rss, code, _ = measure(argv)
            result.walls.append(wall)
            result.cpus.append(cpu)
            result.rss_kb.append(rss)
    busy, elapsed = busy_seconds() - busy_before, time.perf_counter() - start
    ours = sum(sum(result.cpus) for result in results)
    # share of all cores' time that went to other processes during the timed runs
    other = max(0.0, busy - ours) / (elapsed * (os.cpu_count() or 1))
    return results, other


def busy_seconds():
    """CPU time all cores spent busy since boot (/proc/stat), in seconds; 0 if unknown."""
    try:
        with open("/proc/stat") as stream:
            fields = [int(v) for v in stream.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / float(os.sysconf("SC_CLK_TCK"))


# ---------------------------------------------------------------- machine

def cpu_model():
    try:
        with open("/proc/cpuinfo") as stream:
            for line in stream:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total():
    try:
        with open("/proc/meminfo") as stream:
            for line in stream:
                if line.startswith("MemTotal:"):
                    return "%.1f GiB" % (int(line.split()[1]) / 1024.0 / 1024.0)
    except OSError:
        pass
    return "unknown"


def load_average():
    try:
        with open("/proc/loadavg") as stream:
            return float(stream.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def output_of(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def print_machine(builds, h5ls):
    versions = output_of([PYTHON, "-c", "import h5py, numpy, platform; print('python %s, h5py %s "
                          "(HDF5 %s), numpy %s' % (platform.python_version(), h5py.__version__, "
                          "h5py.version.hdf5_version, numpy.__version__))"])
    print("## Machine\n")
    print("- cores (nproc): %s" % output_of(["nproc"]))
    print("- CPU: %s" % cpu_model())
    print("- memory: %s" % mem_total())
    print("- OS: %s %s" % (platform.system(), platform.release()))
    print("- dotnet --version: %s" % output_of(["dotnet", "--version"]))
    for label, argv in builds.items():
        print("- %s: `%s` (version %s)" % (label, " ".join(argv), output_of(argv + ["--version"])))
    print("- h5ls: %s" % (output_of([h5ls, "--version"]) if h5ls else "not installed"))
    print("- %s" % versions)
    print("- load average (1 min) at the start: %s" % load_average())
    print()


# ---------------------------------------------------------------- report

def size_text(nbytes):
    if nbytes >= 1 << 30:
        return "%.2f GiB" % (nbytes / float(1 << 30))
    if nbytes >= 1 << 20:
        return "%.0f MiB" % (nbytes / float(1 << 20))
    return "%.0f KiB" % (nbytes / 1024.0)


def cell(result, rate=False, missing="skipped (not installed)"):
    if result is None:
        return missing
    text = "%.3f s, %.0f MB" % (result.median, result.peak_mb)
    if rate:
        text += ", %d files/s" % round(result.inputs / result.median)
    return text


def verdict(ok):
    return "**met**" if ok else "**missed**"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--ki", required=True, help="the JIT CLI command line, e.g. 'dotnet kerasinspect.dll'")
    parser.add_argument("--aot", default=None, help="the Native AOT binary (scripts/publish-aot)")
    parser.add_argument("--h5ls", default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--folder-runs", type=int, default=3)
    args = parser.parse_args()
    builds = {AOT: [args.aot]} if args.aot else {}
    builds[JIT] = shlex.split(args.ki)
    small, large = os.path.join(args.data, "small.h5"), os.path.join(args.data, "large.h5")
    folder = os.path.join(args.data, "folder")
    h5_files = sorted(glob.glob(os.path.join(folder, "**", "*.h5"), recursive=True))
    models = len(glob.glob(os.path.join(folder, "**", "*.h5"), recursive=True) +
                 glob.glob(os.path.join(folder, "**", "*.keras"), recursive=True) +
                 glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))

    print_machine(builds, args.h5ls)

    def tools(path, key):
        commands = [((key, label), argv + ["inspect", path, "--fail-on", "none"], 1) for label, argv in builds.items()]
        if args.h5ls:
            commands.append(((key, "h5ls -r"), [args.h5ls, "-r", path], 1))
        commands.append(((key, "h5py script"), [PYTHON, H5PY_SCRIPT, path], 1))
        return commands

    def by_row(results):
        rows = {}
        for result in results:
            key, result.label = result.label
            rows.setdefault(key, {})[result.label] = result
        return rows

    others = {}
    print("timing start-up: %d runs per tool ..." % args.runs, file=sys.stderr)
    startup = [(("startup", label), argv + ["--version"], 1) for label, argv in builds.items()]
    if args.h5ls:
        startup.append((("startup", "h5ls -r"), [args.h5ls, "--version"], 1))
    startup.append((("startup", "h5py script"), [PYTHON, "-c", "import h5py"], 1))
    results, others["start-up"] = bench(startup, args.runs)
    rows = by_row(results)
    # both single files in the same rounds, so that their ratio sees the same machine
    print("timing the single files: %d runs per tool ..." % args.runs, file=sys.stderr)
    results, others["single files"] = bench(tools(small, "small") + tools(large, "large"), args.runs)
    rows.update(by_row(results))
    commands = [(label, argv + ["inspect", folder, "--format", "json", "--fail-on", "none"], models)
                for label, argv in builds.items()]
    # not in the table: the same report written to a file (-o) instead of standard output,
    # which shows what writing to standard output costs
    commands += [(label + " -o /dev/null", argv + ["inspect", folder, "--format", "json", "--fail-on", "none",
                                                  "-o", os.devnull], models)
                 for label, argv in builds.items()]
    if args.h5ls:
        loop = 'for f; do "$0" -r "$f" >/dev/null || exit 1; done'
        commands.append(("h5ls -r", ["/bin/sh", "-c", loop, args.h5ls] + h5_files, len(h5_files)))
    commands.append(("h5py script", [PYTHON, H5PY_SCRIPT] + h5_files, len(h5_files)))
    print("timing the folder: %d runs per tool ..." % args.folder_runs, file=sys.stderr)
    results, others[folder] = bench(commands, args.folder_runs)
    rows["folder"] = {r.label: r for r in results}

    nproc = os.cpu_count()
    keys = ("startup", "small", "large", "folder")
    print("## Results\n")
    print("Median wall time, peak RSS (largest over the runs%s); %d runs per single file and start-up, %d "
          "for the folder, after one warm-up run each. Output to /dev/null.\n"
          % ("" if GNU_TIME else "; no /usr/bin/time: includes the harness's ~10 MB floor",
             args.runs, args.folder_runs))
    columns = list(builds) + ["h5ls -r", "h5py script"]
    print("| input | %s |" % " | ".join(columns))
    print("|---|%s" % ("---|" * len(columns)))
    names = {"startup": "start-up only (`--version`; h5ls `--version`; python3 `import h5py`)",
             "small": "small model (%s .h5)" % size_text(os.path.getsize(small)),
             "large": "1 GB model (%s .h5)" % size_text(os.path.getsize(large)),
             "folder": "1,000-file folder (%d models; %d .h5)" % (models, len(h5_files))}
    for key in keys:
        tools_ = rows[key]
        print("| %s | %s |" % (names[key], " | ".join(
            cell(tools_.get(c), key == "folder", "skipped (not installed)" if c == "h5ls -r" else "not built")
            for c in columns)))
    print()
    print("Folder: kerasinspect reads all %d models (.h5, .keras, TF.js model.json, to_json) in one "
          "process; h5ls runs once per .h5 file (%d) from a shell loop; the h5py script reads the "
          "same %d .h5 files in one Python process." % (models, len(h5_files), len(h5_files)))
    print()
    print("CPU time (user + system, median) and use (CPU time over wall; %d cores = %d%%):"
          % (nproc, 100 * nproc))
    for key in keys:
        print("- %s: %s" % (names[key], ", ".join(
            "%s %.3f s (%.0f%%)" % (label, r.cpu_seconds, r.cpu_percent)
            for label, r in rows[key].items())))
    print("- load average (1 min) at the end: %s (this benchmark's own processes included)"
          % load_average())
    print("- other processes' share of all cores during the timed runs: %s" % ", ".join(
        "%s %.0f%%" % (os.path.basename(name), 100 * share) for name, share in others.items()))
    busiest = max(others.values())
    if busiest > 0.10:
        print("\n**Warning:** other work competed for the CPU (up to %.0f%% of all cores during "
              "the runs): wall times are inflated; CPU times are the steadier figure." % (100 * busiest))
    print()

    h5ls_small, py_small = rows["small"].get("h5ls -r"), rows["small"]["h5py script"]
    print("## Targets (issue 8)\n")
    print("| target | %s |" % " | ".join(builds))
    print("|---|%s" % ("---|" * len(builds)))

    def target(text, measure):
        print("| %s | %s |" % (text, " | ".join(measure(label) for label in builds)))

    def ki(key, label):
        return rows[key][label]

    if h5ls_small:
        target("small file within 2x of h5ls -r", lambda b: "%.1fx (%.3f s vs %.3f s) %s" % (
            ki("small", b).median / h5ls_small.median, ki("small", b).median, h5ls_small.median,
            verdict(ki("small", b).median <= 2.0 * h5ls_small.median)))
    else:
        target("small file within 2x of h5ls -r", lambda b: "h5ls not installed: skipped")
    target("small file >= 10x faster than the h5py script", lambda b: "%.1fx (%.3f s vs %.3f s) %s" % (
        py_small.median / ki("small", b).median, py_small.median, ki("small", b).median,
        verdict(py_small.median >= 10.0 * ki("small", b).median)))
    target("1 GB model within 1.5x of the small one", lambda b: "%.2fx (%.3f s vs %.3f s) %s" % (
        ki("large", b).median / ki("small", b).median, ki("large", b).median, ki("small", b).median,
        verdict(ki("large", b).median <= 1.5 * ki("small", b).median)))
    target("1 GB model peak memory < 60 MB", lambda b: "%.1f MB %s" % (
        ki("large", b).peak_mb, verdict(ki("large", b).peak_mb < 60.0)))

    def rate(b):
        result = ki("folder", b)
        # CPU time spread over every core is the best wall time an idle machine could give
        ceiling = result.inputs / (result.cpu_seconds / nproc)
        return "%d files/s (CPU %.0f%%; %.2f s CPU: at most ~%d files/s with every core idle) %s%s" % (
            round(result.inputs / result.median), result.cpu_percent, result.cpu_seconds, round(ceiling),
            verdict(result.inputs / result.median >= 1000.0), "" if nproc == 2 else " (not 2 cores)")
    target(">= 1,000 files/s on 2 cores", rate)
    print()
    for label in builds:
        written = rows["folder"][label + " -o /dev/null"]
        print("%s, the folder's report written with -o /dev/null instead of to standard output: %.3f s, "
              "%.3f s CPU, %d files/s." % (label, written.median, written.cpu_seconds,
                                           round(written.inputs / written.median)))


if __name__ == "__main__":
    main()
