using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// A dataspace message (File Format Specification IV.A.2.b), versions 1 and 2. <see cref="Dimensions"/> is empty for
/// a scalar and null for a null dataspace; <see cref="ElementCount"/> is checked against 64-bit overflow.
/// </summary>
internal sealed record DataspaceMessage(IReadOnlyList<long>? Dimensions, long ElementCount)
{
    public static DataspaceMessage Read(ReadContext context, ByteCursor data)
    {
        var at = data.CurrentFileOffset;
        var version = data.Byte();
        var rank = data.Byte();
        data.Skip(1); // flags: maximum dimensions follow, which do not change the shape
        var isNull = false;
        switch (version)
        {
            case 1:
                data.Skip(5);
                break;
            case 2:
                var kind = data.Byte();
                if (kind > 2)
                {
                    throw context.Malformed(at + 3, string.Create(CultureInfo.InvariantCulture, $"dataspace type {kind} does not exist (0 scalar, 1 simple, 2 null)"));
                }

                isNull = kind == 2;
                break;
            default:
                throw context.Unsupported(at, string.Create(CultureInfo.InvariantCulture, $"dataspace message version {version} is not supported (1 and 2 are)"));
        }

        if (rank > context.Limits.MaxRank)
        {
            throw context.Malformed(at + 1, string.Create(CultureInfo.InvariantCulture, $"dataspace rank {rank} is over the limit of {context.Limits.MaxRank}"));
        }

        var dims = new long[rank];
        long count = 1;
        for (var i = 0; i < rank; i++)
        {
            var dimAt = data.CurrentFileOffset;
            var dim = data.LengthField();
            if (dim > long.MaxValue)
            {
                throw context.Malformed(dimAt, string.Create(CultureInfo.InvariantCulture, $"dimension {i} is {dim}, beyond 64-bit signed range"));
            }

            dims[i] = (long)dim;
            count = count < 0 || (count != 0 && dims[i] > long.MaxValue / count) ? -1 : count * dims[i];
        }

        if (dims.Contains(0))
        {
            count = 0; // a zero dimension empties the space, however large the others
        }

        return isNull ? new DataspaceMessage(null, 0) : new DataspaceMessage(dims, count);
    }

    /// <summary>True when the element count fits in 64 bits; an absurd shape is still a valid shape.</summary>
    public bool CountFits => ElementCount >= 0;
}
