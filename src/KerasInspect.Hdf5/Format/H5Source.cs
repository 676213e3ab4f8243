namespace KerasInspect.Hdf5.Format;

/// <summary>Random access to the bytes of an HDF5 file. Callers bound every read through <see cref="ReadContext"/>.</summary>
internal abstract class H5Source : IDisposable
{
    public abstract long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; the range is already checked.</summary>
    public abstract void Read(long offset, Span<byte> destination);

    public virtual void Dispose()
    {
    }
}
