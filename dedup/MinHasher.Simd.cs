using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Corpus.Dedup;

internal sealed partial class MinHasher
{
    private void ComputeMinsVector256(ReadOnlySpan<ulong> shingles, Span<uint> mins)
    {
        int vectors = _a.Length / Vector256<uint>.Count;
        var a = MemoryMarshal.Cast<uint, Vector256<uint>>(_a.AsSpan());
        var b = MemoryMarshal.Cast<uint, Vector256<uint>>(_b.AsSpan());
        var m = MemoryMarshal.Cast<uint, Vector256<uint>>(mins[.._a.Length]);
        m.Fill(Vector256<uint>.AllBitsSet);
        int i = 0;

        // Two shingles per pass halve the loads and stores of the running minimums.
        for (; i + 1 < shingles.Length; i += 2)
        {
            var x0 = Vector256.Create(Fold(shingles[i]));
            var x1 = Vector256.Create(Fold(shingles[i + 1]));
            for (int v = 0; v < vectors; v++)
            {
                var av = a[v];
                var bv = b[v];
                var h = Vector256.Min((av * x0) + bv, (av * x1) + bv);
                m[v] = Vector256.Min(m[v], h);
            }
        }

        for (; i < shingles.Length; i++)
        {
            var x = Vector256.Create(Fold(shingles[i]));
            for (int v = 0; v < vectors; v++)
            {
                m[v] = Vector256.Min(m[v], (a[v] * x) + b[v]);
            }
        }
    }
}
