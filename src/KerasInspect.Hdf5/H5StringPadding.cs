namespace KerasInspect.Hdf5;

/// <summary>How a fixed-length string fills its element (datatype message, string class bits 0–3).</summary>
public enum H5StringPadding
{
    NullTerminate = 0,
    NullPad = 1,
    SpacePad = 2,
}
