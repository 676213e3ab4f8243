using System.Text;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// One link of a group, whatever storage it came from. <see cref="RawName"/> is the name's bytes as stored, which
/// order and tell apart links even when the bytes are not valid UTF-8. <see cref="Address"/> is absolute, for hard links.
/// </summary>
internal sealed record LinkEntry(byte[] RawName, LinkKind Kind, long Address, string Target, string ExternalFile, long FileOffset)
{
    public string Name { get; } = Encoding.UTF8.GetString(RawName);

    public static LinkEntry Hard(byte[] name, long address, long at) => new(name, LinkKind.Hard, address, "", "", at);

    public static LinkEntry Soft(byte[] name, string target, long at) => new(name, LinkKind.Soft, 0, target, "", at);

    public static LinkEntry External(byte[] name, string file, string target, long at) => new(name, LinkKind.External, 0, target, file, at);
}
