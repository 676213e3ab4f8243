namespace KerasInspect.Hdf5.Format;

/// <summary>One object header message: its type, flags and a cursor over its data.</summary>
internal sealed record HeaderMessage(int Type, byte Flags, ByteCursor Data)
{
    /// <summary>Flag bit 1: the data is a reference to a shared message stored elsewhere.</summary>
    public bool IsShared => (Flags & 0x02) != 0;

    /// <summary>Flag bit 7: a reader that does not understand this message type must fail.</summary>
    public bool FailIfUnknown => (Flags & 0x80) != 0;
}
