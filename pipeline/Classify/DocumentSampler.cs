using System.Text;

namespace Corpus.Pipeline.Classify;

/// <summary>
/// Seeded, order-free decisions on document ids: a 64-bit hash of (seed, id) decides whether a
/// document is in a sample (hash below a rate, or among the N smallest hashes) and whether it goes to
/// training or validation. The same ids and seed give the same decisions on any machine.
/// </summary>
internal static class DocumentSampler
{
    /// <summary>FNV-1a over the id's UTF-8 bytes, seeded, with a SplitMix64 finish.</summary>
    public static ulong Hash(ulong seed, string id)
    {
        var h = 14695981039346656037UL ^ Mix(seed);
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(id) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>The hash as a number in [0, 1).</summary>
    public static double Unit(ulong seed, string id) => (Hash(seed, id) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
