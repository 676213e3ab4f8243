using KerasInspect.Core;
using KerasInspect.Core.Reading;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Readers.Json;
using KerasInspect.Readers.Keras3;
using KerasInspect.Readers.Tfjs;

namespace KerasInspect.Readers;

/// <summary>The readers, one per <see cref="ModelFormat"/> (explicit, no reflection scanning), and the dispatch from the detected format to its reader.</summary>
public static class ModelReaders
{
    public static IReadOnlyList<IModelReader> All { get; } =
    [
        new KerasH5Reader(),
        new Keras3WeightsReader(),
        new KerasArchiveReader(),
        new KerasJsonReader(),
        new TfjsModelReader(),
    ];

    /// <summary>Reads an input with the reader of the format <see cref="FormatDetector"/> finds in it.</summary>
    /// <exception cref="KerasInspectException">The input is no format a reader reads, or its reader cannot read it.</exception>
    public static ModelContents Read(ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = FormatDetector.Identify(request.Path);
        var reader = All.FirstOrDefault(r => r.Format == format) ?? throw Unreadable(format, request.Path);
        return reader.Read(request);
    }

    private static ModelFormatException Unreadable(ModelFormat format, string path) => new(
        format == ModelFormat.Unknown
            ? "not a Keras model file: neither HDF5, a zip archive nor JSON"
            : $"a {Describe(format)}, which KerasInspect cannot read yet",
        new SourceLocation(path));

    private static string Describe(ModelFormat format) => format switch
    {
        ModelFormat.SavedModel => "TensorFlow SavedModel (a folder holding saved_model.pb)",
        _ => format.ToString(),
    };
}
