namespace KerasInspect.Hdf5;

/// <summary>HDF5 datatype classes (File Format Specification IV.A.2.d).</summary>
public enum H5TypeClass
{
    FixedPoint = 0,
    FloatingPoint = 1,
    Time = 2,
    FixedLengthString = 3,
    Bitfield = 4,
    Opaque = 5,
    Compound = 6,
    Reference = 7,
    Enumerated = 8,
    VariableLength = 9,
    Array = 10,
}
