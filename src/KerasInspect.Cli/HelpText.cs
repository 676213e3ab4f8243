using System.Reflection;

namespace KerasInspect.Cli;

internal static class HelpText
{
    public static string Version =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public const string Usage = """
        kerasinspect: audit Keras model files

        Usage:
          kerasinspect inspect FILE...    list each layer's stored weight tensors, shapes and parameter counts
          kerasinspect --help             show this help
          kerasinspect --version          show the version

        Examples:
          kerasinspect inspect model.h5
          kerasinspect inspect weights.h5 other_model.h5

        Reads legacy Keras HDF5 files (.h5: full models and save_weights files). Only metadata is read:
        attributes and dataset shapes, never the weight values, so big files are as quick as small ones.

        Exit codes:
          0   every file read
          2   usage error (bad arguments)
          3   at least one file is unreadable or not a Keras file (the message names the file and the place)
          70  internal error (a bug; rerun with --verbose for the stack trace)
        """;

    public const string InspectUsage = """
        Usage: kerasinspect inspect FILE... [--verbose]

        Lists every layer of each Keras HDF5 file with its stored weight tensors (name, shape, element type,
        parameter count) and the file's total. Files are read in the order given; an unreadable file is
        reported on stderr and the others are still listed.

        Options:
          --verbose   on an internal error, print the stack trace
          -h, --help  show this help

        Example:
          kerasinspect inspect testdata/hdf5/keras2_h5py3.h5
        """;
}
