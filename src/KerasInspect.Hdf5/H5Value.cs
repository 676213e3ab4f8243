namespace KerasInspect.Hdf5;

/// <summary>An attribute's value, flattened in row-major order.</summary>
public abstract record H5Value;

/// <summary>Fixed- or variable-length strings, decoded by their character set.</summary>
public sealed record H5StringValue(IReadOnlyList<string> Items) : H5Value;

/// <summary>Integers of any width and signedness that fit in 64 signed bits.</summary>
public sealed record H5IntegerValue(IReadOnlyList<long> Items) : H5Value;

/// <summary>IEEE floating-point numbers of 2, 4 or 8 bytes, widened to double.</summary>
public sealed record H5FloatValue(IReadOnlyList<double> Items) : H5Value;

/// <summary>A value of a type the reader recognises but does not decode; <see cref="Reason"/> says which.</summary>
public sealed record H5UndecodedValue(string Reason) : H5Value;
