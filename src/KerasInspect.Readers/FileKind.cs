namespace KerasInspect.Readers;

/// <summary>What a file is, judged by its content rather than its name.</summary>
public enum FileKind
{
    Unknown,
    Hdf5,
    Zip,
    Json,
}
