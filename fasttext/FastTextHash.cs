namespace Corpus.FastText;

/// <summary>fastText's hashes: FNV-1a over UTF-8 bytes and the word n-gram combination.</summary>
internal static class FastTextHash
{
    public const uint Offset = 2166136261;
    public const uint Prime = 16777619;
    public const ulong WordNgramMultiplier = 116049371;

    /// <summary>FNV-1a as fastText computes it: each byte goes through <c>int8_t</c>, so bytes over 0x7F xor in as 0xFFFFFFxx.</summary>
    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = Offset;
        foreach (var b in bytes)
        {
            h = Step(h, b);
        }

        return h;
    }

    public static uint Step(uint h, byte b) => (h ^ (uint)(sbyte)b) * Prime;

    /// <summary>
    /// A word hash as fastText's <c>addWordNgrams</c> sees it: stored as <c>int32_t</c>, widened to
    /// 64 bits with its sign.
    /// </summary>
    public static ulong Widen(uint hash) => (ulong)(long)(int)hash;
}
