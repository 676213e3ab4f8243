namespace KerasInspect.Hdf5.Format;

internal enum LinkKind
{
    Hard,
    Soft,
    External,
}
