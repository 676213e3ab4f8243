namespace KerasInspect.Hdf5.Format;

/// <summary>One link of a group, whatever storage it came from. <see cref="Address"/> is absolute and set for hard links.</summary>
internal sealed record LinkEntry(string Name, LinkKind Kind, long Address, string Target, string ExternalFile, long FileOffset)
{
    public static LinkEntry Hard(string name, long address, long at) => new(name, LinkKind.Hard, address, "", "", at);

    public static LinkEntry Soft(string name, string target, long at) => new(name, LinkKind.Soft, 0, target, "", at);

    public static LinkEntry External(string name, string file, string target, long at) => new(name, LinkKind.External, 0, target, file, at);
}
