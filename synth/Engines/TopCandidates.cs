using System.Numerics;
using System.Runtime.InteropServices;
using LLama.Native;

namespace Corpus.Synth.Engines;

/// <summary>
/// The <c>k</c> highest logits of a step as sampler candidates, found in one vectorized pass over
/// the vocabulary (a logit at most the current k-th best is skipped eight at a time), in vocabulary
/// order. When the sampler chain starts with top-k (or is greedy) and has no penalties, handing it
/// these instead of all 151,669 candidates gives the same choice for a fraction of the work, which
/// otherwise is paid per sequence per step and does not shrink with batching.
/// </summary>
internal static class TopCandidates
{
    /// <summary>Writes the top <paramref name="k"/> of <paramref name="logits"/> into <paramref name="into"/> (at least k long) in token order; returns how many.</summary>
    public static int Select(ReadOnlySpan<float> logits, int k, Span<LLamaTokenData> into)
    {
        k = Math.Min(k, logits.Length);
        if (k <= 0)
        {
            return 0;
        }

        // A min-heap of (logit, token) over the best so far; ties keep the lower token id.
        Span<float> heapLogits = k <= 256 ? stackalloc float[k] : new float[k];
        Span<int> heapIds = k <= 256 ? stackalloc int[k] : new int[k];
        for (var i = 0; i < k; i++)
        {
            heapLogits[i] = logits[i];
            heapIds[i] = i;
            SiftUp(heapLogits, heapIds, i);
        }

        var threshold = heapLogits[0];
        var at = k;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var floats = MemoryMarshal.Cast<float, Vector<float>>(logits[at..]);
            var end = at + (floats.Length * width);
            for (var v = 0; v < floats.Length; v++)
            {
                if (!Vector.GreaterThanAny(floats[v], new Vector<float>(threshold)))
                {
                    continue;
                }

                var start = at + (v * width);
                for (var i = start; i < start + width; i++)
                {
                    if (logits[i] > threshold)
                    {
                        Replace(heapLogits, heapIds, logits[i], i);
                        threshold = heapLogits[0];
                    }
                }
            }

            at = end;
        }

        for (var i = at; i < logits.Length; i++)
        {
            if (logits[i] > threshold)
            {
                Replace(heapLogits, heapIds, logits[i], i);
                threshold = heapLogits[0];
            }
        }

        heapIds.Sort();
        for (var i = 0; i < k; i++)
        {
            into[i] = new LLamaTokenData((LLamaToken)heapIds[i], logits[heapIds[i]], 0f);
        }

        return k;
    }

    /// <summary>The heap's root is the worst kept: the lowest logit, and among equals the highest id.</summary>
    private static bool Worse(float logitA, int idA, float logitB, int idB) => logitA < logitB || (logitA == logitB && idA > idB);

    private static void Replace(Span<float> logits, Span<int> ids, float logit, int id)
    {
        logits[0] = logit;
        ids[0] = id;
        var i = 0;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= logits.Length)
            {
                return;
            }

            var child = left + 1 < logits.Length && Worse(logits[left + 1], ids[left + 1], logits[left], ids[left]) ? left + 1 : left;
            if (!Worse(logits[child], ids[child], logits[i], ids[i]))
            {
                return;
            }

            (logits[i], logits[child]) = (logits[child], logits[i]);
            (ids[i], ids[child]) = (ids[child], ids[i]);
            i = child;
        }
    }

    private static void SiftUp(Span<float> logits, Span<int> ids, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(logits[i], ids[i], logits[parent], ids[parent]))
            {
                return;
            }

            (logits[i], logits[parent]) = (logits[parent], logits[i]);
            (ids[i], ids[parent]) = (ids[parent], ids[i]);
            i = parent;
        }
    }
}
