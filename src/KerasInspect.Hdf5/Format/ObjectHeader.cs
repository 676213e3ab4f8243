using System.Globalization;

namespace KerasInspect.Hdf5.Format;

/// <summary>
/// An object header (File Format Specification IV.A.1): version 1 (prefix + 8-byte aligned messages) or
/// version 2 (<c>OHDR</c>, checksummed), with every continuation chunk (IV.A.2.q) followed and collected,
/// since real files keep attributes and symbol-table messages in continuation blocks.
/// </summary>
internal sealed class ObjectHeader
{
    private const int Version1PrefixBytes = 16;

    private ObjectHeader(IReadOnlyList<HeaderMessage> messages) => Messages = messages;

    public IReadOnlyList<HeaderMessage> Messages { get; }

    public static ObjectHeader Read(ReadContext context, long address)
    {
        var probe = context.ReadUpTo(address, 4, address, "object header");
        var isVersion2 = probe.Length == 4 && probe.Bytes(4).SequenceEqual("OHDR"u8);
        var reader = new ChunkReader(context, address);
        if (isVersion2)
        {
            reader.ReadVersion2(address);
        }
        else
        {
            reader.ReadVersion1(address);
        }

        return new ObjectHeader(reader.Messages);
    }

    public HeaderMessage? Find(int type) => Messages.FirstOrDefault(m => m.Type == type);

    public IEnumerable<HeaderMessage> All(int type) => Messages.Where(m => m.Type == type);

    /// <summary>Collects messages chunk by chunk, following continuations with loop and count checks.</summary>
    private sealed class ChunkReader(ReadContext context, long headerAddress)
    {
        private readonly HashSet<long> _chunkAddresses = [];
        private readonly Queue<(long Address, long Length, long ReferencedAt)> _pending = new();

        public List<HeaderMessage> Messages { get; } = [];

        public void ReadVersion1(long address)
        {
            var prefix = context.Read(address, Version1PrefixBytes, address, "object header prefix");
            var version = prefix.Byte();
            if (version != 1)
            {
                throw context.Unsupported(address, string.Create(CultureInfo.InvariantCulture, $"object header version {version} is not supported (1, or 2 with signature 'OHDR')"));
            }

            prefix.Skip(1);
            var declaredMessages = prefix.UInt16();
            prefix.Skip(4); // reference count
            var chunkSize = prefix.UInt32();
            if (declaredMessages > context.Limits.MaxMessagesPerHeader)
            {
                throw context.Malformed(address + 2, string.Create(CultureInfo.InvariantCulture, $"object header declares {declaredMessages} messages, over the limit of {context.Limits.MaxMessagesPerHeader}"));
            }

            _pending.Enqueue((address + Version1PrefixBytes, CheckedChunkLength(chunkSize, 0, address + 8), address + 8));
            DrainVersion1();
        }

        public void ReadVersion2(long address)
        {
            var start = context.ReadUpTo(address, 64, address, "object header");
            start.ExpectSignature("OHDR");
            var version = start.Byte();
            if (version != 2)
            {
                throw context.Unsupported(address + 4, string.Create(CultureInfo.InvariantCulture, $"object header version {version} after 'OHDR' is not supported (only 2)"));
            }

            var flags = start.Byte();
            if ((flags & 0x20) != 0)
            {
                start.Skip(16); // access, modification, change and birth times
            }

            if ((flags & 0x10) != 0)
            {
                start.Skip(4); // attribute storage phase-change values
            }

            var sizeAt = start.CurrentFileOffset;
            var chunkSize = start.UIntOfSize(1 << (flags & 0x03));
            var prefixBytes = start.Consumed;
            var total = CheckedChunkLength(chunkSize, prefixBytes + 4, sizeAt);
            var chunk = context.Read(address, total, sizeAt, "object header");
            chunk.Skip(prefixBytes);
            var messages = chunk.Slice((int)chunkSize, "object header messages");
            chunk.VerifyChecksum();
            _chunkAddresses.Add(address);
            ParseVersion2Messages(messages, flags);
            while (_pending.Count > 0)
            {
                var (next, length, referencedAt) = _pending.Dequeue();
                var block = ReadChunk(next, length, referencedAt, "object header continuation block");
                block.ExpectSignature("OCHK");
                var body = block.Slice(block.Remaining - 4, "object header continuation block");
                block.VerifyChecksum();
                ParseVersion2Messages(body, flags);
            }
        }

        private void DrainVersion1()
        {
            while (_pending.Count > 0)
            {
                var (address, length, referencedAt) = _pending.Dequeue();
                var chunk = ReadChunk(address, length, referencedAt, "object header chunk");
                while (chunk.Remaining >= 8)
                {
                    var type = chunk.UInt16();
                    var size = chunk.UInt16();
                    var flags = chunk.Byte();
                    chunk.Skip(3);
                    Add(type, flags, chunk.Slice(size, MessageName(type)));
                    chunk.AlignTo8();
                }
            }
        }

        private void ParseVersion2Messages(ByteCursor chunk, byte headerFlags)
        {
            var headerBytes = (headerFlags & 0x04) != 0 ? 6 : 4;
            while (chunk.Remaining >= headerBytes)
            {
                var type = chunk.Byte();
                var size = chunk.UInt16();
                var flags = chunk.Byte();
                if (headerBytes == 6)
                {
                    chunk.Skip(2); // creation order
                }

                Add(type, flags, chunk.Slice(size, MessageName(type)));
            }
        }

        private void Add(int type, byte flags, ByteCursor data)
        {
            if (Messages.Count >= context.Limits.MaxMessagesPerHeader)
            {
                throw context.Malformed(data.FileOffset, string.Create(CultureInfo.InvariantCulture, $"object header at byte {headerAddress} has more than {context.Limits.MaxMessagesPerHeader} messages"));
            }

            if (type == MessageType.Continuation)
            {
                var at = data.CurrentFileOffset;
                var next = context.Resolve(data.Address(), at, "object header continuation");
                var length = data.LengthField();
                _pending.Enqueue((next, CheckedChunkLength(length, 0, at), at));
                return;
            }

            var message = new HeaderMessage(type, flags, data);
            if (type > MessageType.HighestKnown && message.FailIfUnknown)
            {
                throw context.Unsupported(data.FileOffset, string.Create(CultureInfo.InvariantCulture, $"header message type 0x{type:x4} is unknown and marked 'fail if unknown'"));
            }

            Messages.Add(message);
        }

        private ByteCursor ReadChunk(long address, long length, long referencedAt, string what)
        {
            if (!_chunkAddresses.Add(address))
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"object header continuation loops back to byte {address}"));
            }

            if (_chunkAddresses.Count > context.Limits.MaxHeaderChunks)
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"object header at byte {headerAddress} has more than {context.Limits.MaxHeaderChunks} chunks"));
            }

            return context.Read(address, length, referencedAt, what);
        }

        private int CheckedChunkLength(ulong length, int extra, long referencedAt)
        {
            if (length > (ulong)context.Limits.MaxHeaderChunkBytes)
            {
                throw context.Malformed(referencedAt, string.Create(CultureInfo.InvariantCulture, $"object header chunk claims {length} bytes, over the limit of {context.Limits.MaxHeaderChunkBytes}"));
            }

            return (int)length + extra;
        }

        private static string MessageName(int type) =>
            string.Create(CultureInfo.InvariantCulture, $"header message 0x{type:x4}");
    }
}
