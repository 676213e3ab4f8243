using KerasInspect.Core.Model;
using KerasInspect.Readers.Hdf5;
using KerasInspect.Readers.Keras3;

namespace KerasInspect.Readers;

/// <summary>The tensor naming of each Keras generation whose names differ from the rules' roles.</summary>
public static class StorageDialects
{
    public static IStorageDialect? For(KerasWriter writer) => writer switch
    {
        KerasWriter.Keras1 => Keras1TensorRoles.Instance,
        KerasWriter.Keras2 => Keras2LegacyTensorRoles.Instance,
        KerasWriter.Keras3 => Keras3TensorRoles.Instance,
        _ => null,
    };
}
