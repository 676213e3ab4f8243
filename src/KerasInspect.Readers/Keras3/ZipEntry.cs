namespace KerasInspect.Readers.Keras3;

/// <summary>One member of a zip archive as its central directory describes it.</summary>
public sealed record ZipEntry(string Name, int Method, long CompressedSize, long Size, long LocalHeaderOffset)
{
    public const int Stored = 0;
    public const int Deflated = 8;
}
