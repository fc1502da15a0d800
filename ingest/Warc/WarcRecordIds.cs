using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Corpus.Ingest.Warc;

/// <summary>
/// <c>&lt;urn:uuid:…&gt;</c> record ids: random, or with a seed the first 16 bytes of
/// SHA-256(seed, counter) shaped as a version-4 UUID, so reproducible builds get stable ids.
/// </summary>
internal sealed class WarcRecordIds(long? seed)
{
    private readonly long? _seed = seed;
    private long _counter;

    public string Next()
    {
        Guid guid;
        if (_seed is { } seed)
        {
            Span<byte> input = stackalloc byte[16];
            BinaryPrimitives.WriteInt64LittleEndian(input, seed);
            BinaryPrimitives.WriteInt64LittleEndian(input[8..], _counter++);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(input, hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            guid = new Guid(hash[..16], bigEndian: true);
        }
        else
        {
            guid = Guid.NewGuid();
        }

        return "<urn:uuid:" + guid.ToString("D") + ">";
    }
}
