namespace Corpus.Synth.Gguf;

/// <summary>SplitMix64: a small, fixed random generator, so seeded weights never change with the runtime.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public double NextUnit() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>FNV-1a of a name's UTF-16 code units.</summary>
    public static ulong Hash(string text)
    {
        ulong hash = 0xcbf29ce484222325UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        return hash;
    }
}
