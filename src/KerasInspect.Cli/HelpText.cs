using System.Reflection;

namespace KerasInspect.Cli;

internal static class HelpText
{
    public const string Usage = """
        kerasinspect: audit Keras model files

        Usage:
          kerasinspect inspect INPUT...         cross-check each model's config against its stored weights
          kerasinspect diff OLD NEW             compare two models (or two folders of models) layer by layer
          kerasinspect calc LAYER... --input N  compute parameters for layers written as in Python, no file needed
          kerasinspect h5dump FILE...           print the metadata of HDF5 files (groups, attributes, dataset shapes) as JSON
          kerasinspect --help                   show this help
          kerasinspect --version                show the version

        Examples:
          kerasinspect inspect model.h5
          kerasinspect inspect models/ --format csv --output layers.csv --fail-on unverified
          kerasinspect calc --input 64 "Bidirectional(LSTM(32, return_sequences=True))" "LSTM(32)" "Dense(1)"

        Run 'kerasinspect COMMAND --help' for a command's options.

        Exit codes (the highest that applies wins):
          0   every input read; no finding at or above --fail-on
          1   findings at or above --fail-on (by default: a stored tensor disagrees with the config, or a budget is exceeded)
          2   usage error (bad arguments)
          3   at least one input is unreadable or not a Keras file (the message names the file and the place)
          4   environment problem, such as an output file that cannot be written
          70  internal error (a bug; rerun with --verbose for the stack trace)
        """;

    public const string InspectUsage = """
        Usage: kerasinspect inspect INPUT... [options]

        INPUT is a file, a folder (searched recursively; model files are recognised by content, not by extension)
        or a glob pattern such as 'models/**/*.h5' (quote it so the shell leaves it alone). Files are read in
        parallel and reported in path order; an unreadable file is reported and never stops the others.

        For every layer: its class, output shape, the parameters its config implies, the parameters the file stores,
        and the verdict (match, mismatch, missing, unexpected, unverified, no-weights); then the totals.
          .h5 full model              its config (model_config) is cross-checked with its weights
          .h5 from save_weights       the weights are listed and counted; give the architecture with --config
          .json (model.to_json())     expected parameters only: the verdict is no-weights
        Only metadata is read, never the weight values. Optimizer state is reported apart and never counted.

        Options:
          --format FORMAT          table (default), csv, json or markdown (see the README for each)
          -o, --output PATH        write the report to PATH instead of standard output
          --summary-csv PATH       also write one CSV row per file to PATH
          --fail-on LEVEL          mismatch (default), unverified, unsafe or none: exit 1 on findings at or above it
          --max-params N           a finding when a model has more than N parameters (200000, 200k, 1.5M)
          --max-layer-params N     a finding when a layer has more than N parameters
          --config FILE            the architecture JSON (model.to_json()) for a weights-only .h5 (one INPUT only)
          --weights FILE           the weights .h5 to cross-check a model.to_json() INPUT with (one INPUT only)
          --explain                under each layer, the derivation and the tensor-by-tensor comparison
          --verbose                on an internal error, print the stack trace
          -h, --help               show this help

        A progress bar appears on a terminal's stderr for runs of more than five files; never in CI (CI=true)
        or when stderr is redirected. Tables are coloured on a terminal, plain when redirected or NO_COLOR is set.

        Examples:
          kerasinspect inspect testdata/keras/clean_lstm.h5
          kerasinspect inspect testdata/keras/wrong_input_width.h5 --explain
          kerasinspect inspect models/ --format markdown --output report.md --max-params 5M
          kerasinspect inspect weights.h5 --config architecture.json --format json
        """;

    public const string DiffUsage = """
        Usage: kerasinspect diff OLD NEW [options]

        Compares two models layer by layer: OLD and NEW are two files of any formats inspect reads (an .h5 against a
        .keras, a TF.js model.json, a model.to_json() config), or two folders, whose model files are paired by
        relative path (a file only one side has is listed as an added or removed model). Layers are paired by name,
        then by class and position in the graph when Keras' automatic names shifted or a layer was renamed (shown
        as inferred). For each pair: class, the config keys that decide shapes and counts (units, filters,
        kernel_size, return_sequences, merge_mode, reset_after, use_bias, ...) old -> new, output shape, expected and
        stored parameter deltas, trainable <-> non-trainable moves, verdict, inbound layers. Totals: parameters old ->
        new (stored when both files store weights), trainable split, file size, unsafe findings added and removed;
        an unsafe finding NEW adds (a new Lambda) is printed first. docs/diff.md describes every field.

        Options:
          --format FORMAT      table (default), markdown (a compact pull-request comment: totals line first, changed
                               layers only, under 65,536 characters), json (docs/diff.md) or csv (one row per layer pair)
          -o, --output PATH    write the report to PATH instead of standard output
          --fail-on LIST       a level applied to NEW: mismatch (default), unverified, unsafe or none; and/or
                               unsafe-added (exit 1 when NEW adds an unsafe finding), comma-separated:
                               --fail-on unsafe-added, --fail-on none,unsafe-added
          --max-growth LIMIT   exit 1 when the parameters grow by more than LIMIT: a percentage of OLD (10%) or a
                               count (50k, 1.5M)
          --verbose            on an internal error, print the stack trace
          -h, --help           show this help

        Exit codes as inspect: 0 no gate failed, 1 a gate failed (--fail-on, --max-growth), 2 usage error, 3 an input
        is unreadable or missing, 4 the report cannot be written, 70 internal error.

        Examples:
          kerasinspect diff old/model.h5 new/model.keras
          kerasinspect diff main-models/ pr-models/ --format markdown --output diff.md --fail-on unsafe-added --max-growth 10%
          kerasinspect diff model.h5 tfjs/model.json --format json
        """;

    public const string CalcUsage = """
        Usage: kerasinspect calc LAYER... [--input SIZE|SHAPE] [--format table|json]

        Computes each layer's output shape and expected parameters, with the arithmetic, for a Sequential stack of
        layers written as in Python. Positional arguments follow Keras (Dense(units), LSTM(units),
        Embedding(input_dim, output_dim), Bidirectional(layer, merge_mode), Conv1D(filters, kernel_size), ...);
        other arguments are named: LSTM(32, return_sequences=True, use_bias=False).

        Options:
          --input SIZE|SHAPE   the input without the batch axis: 64 means 64 features per step before a recurrent or
                               1-D layer ((None, None, 64)) and 64 features otherwise ((None, 64)); or a full shape
                               such as 10,64 or None,64. Needed unless the first layer is an Embedding.
          --format table|json  table (default) or the JSON contract described in the README
          -h, --help           show this help

        Examples:
          kerasinspect calc --input 64 "LSTM(32)"
          kerasinspect calc --input 64 "Bidirectional(LSTM(32, return_sequences=True))" "LSTM(32)" "Dense(1)"
          kerasinspect calc "Embedding(5000, 30)" "Bidirectional(LSTM(30))" "Dense(1)" --format json
        """;

    public const string H5DumpUsage = """
        Usage: kerasinspect h5dump FILE... [--batch] [--verbose]

        Prints what the HDF5 metadata reader sees in each FILE, as JSON: every group, dataset and link reached from
        "/" (depth first, links in the byte order of their names), each with its attributes (name, dtype, shape,
        decoded value); datasets with their shape and dtype. Metadata only: dataset values are never read. The
        shape is the one scripts/h5snapshot.py writes with h5py, so the two can be compared file by file. For a
        Keras 3 .keras archive it is its model.weights.h5, read inside the zip (never extracted).

        One FILE without --batch:
          {"objects": [{"path": "/", "kind": "group", "attributes": [...]}, ...]}
          An unreadable file prints nothing on stdout and one line on stderr.
        Several FILEs, or --batch:
          {"files": [{"path": FILE, "snapshot": {"objects": [...]} or null,
                      "error": null or {"message", "offset", "objectPath", "unsupported"}}, ...]}
          in the order given; each unreadable file also prints one line on stderr. "offset" (the byte at fault)
          and "objectPath" are null when the file could not be opened; "unsupported" is true when the file may be
          valid HDF5 but uses a structure outside the reader's subset (the message names it).

        Options:
          --batch      the {"files": [...]} document even for one FILE
          --verbose    on an internal error, print the stack trace
          -h, --help   show this help

        Exit codes: 0 every FILE read, 2 usage error, 3 at least one FILE unreadable, 70 internal error (a bug).

        Examples:
          kerasinspect h5dump testdata/hdf5/links.h5
          kerasinspect h5dump --batch models/*.h5 > snapshots.json
        """;

    public static string Version =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
