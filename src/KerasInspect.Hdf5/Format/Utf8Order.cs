using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>Orders names by their UTF-8 bytes, as HDF5 orders a group's links, so the snapshot's order is the file's.</summary>
internal static class Utf8Order
{
    public static int Compare(string a, string b)
    {
        return Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
    }
}
