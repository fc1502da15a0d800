using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Shards.Mixing;

/// <summary>
/// The seeded draws that decide mixing and the validation split: SHA-256 of
/// <c>"{seed}:{salt}:{document id}"</c> (UTF-8), its first 8 bytes read big-endian. A pure function of
/// its inputs, so a document's fate does not depend on order, worker count or node count, and anyone
/// can recompute it (e.g. in Python with hashlib).
/// </summary>
public static class MixingHash
{
    /// <summary>Buckets a stage's documents are ranked in (the top <see cref="BucketBits"/> bits of the draw).</summary>
    public const int BucketBits = 12;

    /// <summary>Number of buckets, 4,096.</summary>
    public const int Buckets = 1 << BucketBits;

    /// <summary>Salt of the validation draw, shared by every stage so a held-out document is in no training split.</summary>
    public const string ValidationSalt = "validation";

    /// <summary>The 64-bit draw for a document under a seed and a salt (a stage name, or <see cref="ValidationSalt"/>).</summary>
    public static ulong Draw(long seed, string salt, string id)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(id);
        var text = string.Create(CultureInfo.InvariantCulture, $"{seed}:{salt}:{id}");
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length) is var n && n <= 512 ? n : 0];
        Span<byte> hash = stackalloc byte[32];
        if (utf8.Length > 0)
        {
            var written = Encoding.UTF8.GetBytes(text, utf8);
            SHA256.HashData(utf8[..written], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        }

        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>The bucket (0 to 4,095) of a stage draw.</summary>
    public static int Bucket(ulong draw) => (int)(draw >> (64 - BucketBits));

    /// <summary>The draw as a number in [0, 1).</summary>
    public static double Unit(ulong draw) => (draw >> 11) * (1.0 / (1UL << 53));

    /// <summary>Whether the document is held out for validation at <paramref name="share"/>.</summary>
    public static bool IsValidation(long seed, string id, double share) =>
        share > 0 && Unit(Draw(seed, ValidationSalt, id)) < share;
}
