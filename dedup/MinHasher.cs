using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Corpus.Core.Text;

namespace Corpus.Dedup;

/// <summary>
/// MinHash signatures: each shingle is hashed once to 64 bits (word hashes combined), folded to
/// 32 bits, then put through <c>Hashes</c> seeded affine permutations <c>a·x + b (mod 2³²)</c>
/// (a odd, so each is a bijection); a signature keeps the minimum of each. The permutations run
/// eight at a time in <see cref="Vector256{T}"/> lanes where the hardware has it.
/// </summary>
internal sealed partial class MinHasher
{
    private readonly uint[] _a;
    private readonly uint[] _b;

    public MinHasher(DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        int hashes = options.Bands * options.RowsPerBand;
        _a = new uint[hashes];
        _b = new uint[hashes];
        ulong state = options.Seed;
        for (int i = 0; i < hashes; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong r = TextHashing.Mix64(state);
            _a[i] = (uint)r | 1u;
            _b[i] = (uint)(r >> 32);
        }
    }

    public DedupOptions Options { get; }

    public int Hashes => _a.Length;

    /// <summary>Computes the signature of <paramref name="text"/> into <paramref name="signature"/>; returns the shingle count (0: no signature).</summary>
    public int Compute(ReadOnlySpan<char> text, Span<uint> signature, bool allowSimd = true)
    {
        bool characters = TextHashing.IsUnsegmented(text);
        int k = characters ? Options.ShingleCharacters : Options.ShingleWords;
        var tokens = ArrayPool<ulong>.Shared.Rent(512);
        try
        {
            int count = TextHashing.HashTokens(text, characters, ref tokens);
            if (count == 0)
            {
                signature.Fill(uint.MaxValue);
                return 0;
            }

            int shingles = ToShingles(tokens.AsSpan(0, count), k);
            ComputeMins(tokens.AsSpan(0, shingles), signature, allowSimd);
            return shingles;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(tokens);
        }
    }

    /// <summary>Replaces token hashes in place by shingle hashes (k consecutive tokens; one shingle when fewer).</summary>
    internal static int ToShingles(Span<ulong> tokens, int k)
    {
        int count = tokens.Length;
        if (count < k)
        {
            k = count;
        }

        int shingles = count - k + 1;
        for (int i = 0; i < shingles; i++)
        {
            ulong s = tokens[i];
            for (int j = 1; j < k; j++)
            {
                s = (s * 0x9E3779B97F4A7C15UL) + tokens[i + j];
            }

            tokens[i] = TextHashing.Mix64(s);
        }

        return shingles;
    }

    internal void ComputeMins(ReadOnlySpan<ulong> shingles, Span<uint> mins, bool allowSimd)
    {
        if (allowSimd && Vector256.IsHardwareAccelerated && _a.Length % Vector256<uint>.Count == 0)
        {
            ComputeMinsVector256(shingles, mins);
        }
        else
        {
            ComputeMinsScalar(shingles, mins);
        }
    }

    internal void ComputeMinsScalar(ReadOnlySpan<ulong> shingles, Span<uint> mins)
    {
        mins = mins[.._a.Length];
        mins.Fill(uint.MaxValue);
        var a = _a;
        var b = _b;
        foreach (ulong s in shingles)
        {
            uint x = Fold(s);
            for (int i = 0; i < mins.Length; i++)
            {
                uint h = (a[i] * x) + b[i];
                if (h < mins[i])
                {
                    mins[i] = h;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Fold(ulong s) => (uint)(s >> 32) ^ (uint)s;
}
