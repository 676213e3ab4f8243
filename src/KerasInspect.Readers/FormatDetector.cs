using KerasInspect.Hdf5;

namespace KerasInspect.Readers;

/// <summary>Recognises a file by its first bytes: the HDF5 signature (at 0 or after a user block), a zip header, or JSON.</summary>
public static class FormatDetector
{
    private const int ProbeBytes = 4096;

    public static FileKind Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var head = new byte[(int)Math.Min(ProbeBytes, stream.Length)];
        stream.ReadExactly(head);
        return Detect(head);
    }

    internal static FileKind Detect(ReadOnlySpan<byte> head)
    {
        // The HDF5 signature is at 0, or after a user block at 512, 1024, 2048, … (only the first few are probed here).
        for (var offset = 0; offset + 8 <= head.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            if (head[offset..].StartsWith(H5File.Signature))
            {
                return FileKind.Hdf5;
            }
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return FileKind.Zip;
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        var first = text.TrimStart(" \t\r\n"u8);
        // a string: a twice-encoded architecture file (TwiceEncodedJson)
        if (!first.IsEmpty && first[0] is (byte)'{' or (byte)'[' or (byte)'"')
        {
            return FileKind.Json;
        }

        return FileKind.Unknown;
    }
}
