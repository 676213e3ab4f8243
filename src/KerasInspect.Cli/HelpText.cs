using System.Reflection;

namespace KerasInspect.Cli;

internal static class HelpText
{
    public const string Usage = """
        kerasinspect: audit Keras model files

        Usage:
          kerasinspect inspect FILE...          cross-check each file's config against its stored weights
          kerasinspect calc LAYER... --input N  compute parameters for layers written as in Python, no file needed
          kerasinspect --help                   show this help
          kerasinspect --version                show the version

        Examples:
          kerasinspect inspect model.h5
          kerasinspect inspect model.json --format json
          kerasinspect calc --input 64 "Bidirectional(LSTM(32, return_sequences=True))" "LSTM(32)" "Dense(1)"

        Run 'kerasinspect COMMAND --help' for a command's options.

        Exit codes:
          0   every file read; nothing disagrees
          1   a stored tensor disagrees with the config (mismatch, missing or unexpected)
          2   usage error (bad arguments)
          3   at least one file is unreadable or not a Keras file (the message names the file and the place)
          70  internal error (a bug; rerun with --verbose for the stack trace)
        """;

    public const string InspectUsage = """
        Usage: kerasinspect inspect FILE... [--config ARCHITECTURE.json] [--format table|json] [--explain] [--verbose]

        For every layer: its class, output shape, the parameters its config implies, the parameters the file stores,
        and the verdict (match, mismatch, missing, unexpected, unverified, no-weights); then the totals.
          .h5 full model              the config in the file (model_config) is cross-checked with its weights
          .h5 from save_weights       the weights are listed and counted; give the architecture with --config
          .json (model.to_json())     expected parameters only: the verdict is no-weights
        Files are recognised by content, not by extension. Only metadata is read, never the weight values.
        Optimizer state is reported apart and never counted. An unreadable file is reported on stderr and the
        others are still reported.

        Options:
          --config FILE        the architecture JSON (model.to_json()) for a weights-only .h5 (one FILE only)
          --format table|json  table (default) or the JSON contract described in the README
          --explain            under each layer, the derivation and the tensor-by-tensor comparison
          --verbose            on an internal error, print the stack trace
          -h, --help           show this help

        Exit codes: 0 clean, 1 a tensor disagrees with the config, 2 usage error, 3 a file is unreadable,
        70 internal error. When several apply, the highest wins.

        Examples:
          kerasinspect inspect testdata/keras/clean_lstm.h5
          kerasinspect inspect testdata/keras/wrong_input_width.h5 --explain
          kerasinspect inspect weights.h5 --config architecture.json --format json
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

    public static string Version =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
