namespace KerasInspect.Hdf5;

/// <summary>How a dataset's data is stored. Recognised only; the reader never reads the data.</summary>
public enum H5StorageLayout
{
    Compact,
    Contiguous,
    Chunked,
    Virtual,
}
