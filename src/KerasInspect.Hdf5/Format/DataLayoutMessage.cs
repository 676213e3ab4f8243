using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// The data layout message (File Format Specification IV.A.2.i): its presence makes an object a dataset.
/// Only the layout class is read; the data itself never is.
/// </summary>
internal static class DataLayoutMessage
{
    public static H5StorageLayout Read(ReadContext context, ByteCursor data)
    {
        var at = data.FileOffset;
        var version = data.Byte();
        int layoutClass;
        switch (version)
        {
            case 1 or 2:
                data.Skip(1); // dimensionality
                layoutClass = data.Byte();
                break;
            case 3 or 4 or 5:
                layoutClass = data.Byte();
                break;
            default:
                throw context.Unsupported(at, string.Create(CultureInfo.InvariantCulture, $"data layout message version {version} is not supported (1 to 5 are)"));
        }

        return layoutClass switch
        {
            0 => H5StorageLayout.Compact,
            1 => H5StorageLayout.Contiguous,
            2 => H5StorageLayout.Chunked,
            3 when version >= 4 => H5StorageLayout.Virtual,
            _ => throw context.Malformed(at, string.Create(CultureInfo.InvariantCulture, $"data layout class {layoutClass} does not exist in layout version {version}")),
        };
    }
}
