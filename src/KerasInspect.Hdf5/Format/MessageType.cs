namespace KerasInspect.Hdf5.Format;

/// <summary>Object header message types (File Format Specification IV.A.2) that the reader looks at.</summary>
internal static class MessageType
{
    public const int Nil = 0x0000;
    public const int Dataspace = 0x0001;
    public const int LinkInfo = 0x0002;
    public const int Datatype = 0x0003;
    public const int DataLayout = 0x0008;
    public const int Link = 0x0006;
    public const int Attribute = 0x000C;
    public const int Continuation = 0x0010;
    public const int SymbolTable = 0x0011;
    public const int SharedMessageTable = 0x000F;
    public const int GroupInfo = 0x000A;
    public const int AttributeInfo = 0x0015;

    /// <summary>The highest message type the specification defines; a higher one is unknown.</summary>
    public const int HighestKnown = 0x0018;
}
