using System.Buffers;

namespace Corpus.Tokenizer;

/// <summary>
/// Applies BPE merges to a sequence of token ids the way Hugging Face's BPE model does: repeatedly
/// merge the adjacent pair with the lowest merge rank, the leftmost one among equals, until no pair
/// has a merge.
/// </summary>
/// <remarks>
/// Short pieces (nearly all) are merged by rescanning a small array of pair ranks; longer ones with a
/// priority queue over a linked list of symbols, O(n log n), so a megabyte without a break is
/// bounded. Both give the same result.
/// </remarks>
internal static class BytePairMerger
{
    /// <summary>Pieces of up to this many symbols use the rescanning merge.</summary>
    public const int ScanLimit = 48;

    /// <summary>Merges <paramref name="symbols"/> in place and returns how many symbols remain.</summary>
    public static int Merge(Span<int> symbols, MergeTable merges) =>
        symbols.Length <= ScanLimit ? MergeByScan(symbols, merges) : MergeByQueue(symbols, merges);

    internal static int MergeByScan(Span<int> symbols, MergeTable merges)
    {
        int count = symbols.Length;
        if (count < 2)
        {
            return count;
        }

        Span<int> ranks = count <= 256 ? stackalloc int[count] : new int[count];
        Span<int> mergedIds = count <= 256 ? stackalloc int[count] : new int[count];
        for (int i = 0; i < count - 1; i++)
        {
            Lookup(symbols[i], symbols[i + 1], merges, out ranks[i], out mergedIds[i]);
        }

        while (count > 1)
        {
            int best = -1;
            int bestRank = int.MaxValue;
            for (int i = 0; i < count - 1; i++)
            {
                if (ranks[i] < bestRank)
                {
                    bestRank = ranks[i];
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            symbols[best] = mergedIds[best];
            int tail = count - best - 2;
            symbols.Slice(best + 2, tail).CopyTo(symbols[(best + 1)..]);
            ranks.Slice(best + 2, Math.Max(0, tail - 1)).CopyTo(ranks[(best + 1)..]);
            mergedIds.Slice(best + 2, Math.Max(0, tail - 1)).CopyTo(mergedIds[(best + 1)..]);
            count--;
            if (best > 0)
            {
                Lookup(symbols[best - 1], symbols[best], merges, out ranks[best - 1], out mergedIds[best - 1]);
            }

            if (best < count - 1)
            {
                Lookup(symbols[best], symbols[best + 1], merges, out ranks[best], out mergedIds[best]);
            }
        }

        return count;
    }

    internal static int MergeByQueue(Span<int> symbols, MergeTable merges)
    {
        int n = symbols.Length;
        if (n < 2)
        {
            return n;
        }

        int[] next = ArrayPool<int>.Shared.Rent(n);
        int[] previous = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var queue = new PriorityQueue<int, long>(n);
            for (int i = 0; i < n; i++)
            {
                next[i] = i + 1 < n ? i + 1 : -1;
                previous[i] = i - 1;
                if (i + 1 < n && merges.TryGet(symbols[i], symbols[i + 1], out var merge))
                {
                    queue.Enqueue(i, Priority(merge.Rank, i));
                }
            }

            while (queue.TryDequeue(out int position, out long priority))
            {
                int right = next[position];
                if (right < 0 || symbols[position] < 0
                    || !merges.TryGet(symbols[position], symbols[right], out var merge)
                    || merge.Rank != (int)(priority >> 32))
                {
                    continue;
                }

                symbols[position] = merge.MergedId;
                symbols[right] = -1;
                int after = next[right];
                next[position] = after;
                if (after >= 0)
                {
                    previous[after] = position;
                    if (merges.TryGet(merge.MergedId, symbols[after], out var rightMerge))
                    {
                        queue.Enqueue(position, Priority(rightMerge.Rank, position));
                    }
                }

                int before = previous[position];
                if (before >= 0 && merges.TryGet(symbols[before], merge.MergedId, out var leftMerge))
                {
                    queue.Enqueue(before, Priority(leftMerge.Rank, before));
                }
            }

            int count = 0;
            for (int i = 0; i >= 0; i = next[i])
            {
                symbols[count++] = symbols[i];
            }

            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(previous);
        }
    }

    private static long Priority(int rank, int position) => ((long)rank << 32) | (uint)position;

    private static void Lookup(int left, int right, MergeTable merges, out int rank, out int mergedId)
    {
        if (merges.TryGet(left, right, out var merge))
        {
            rank = merge.Rank;
            mergedId = merge.MergedId;
        }
        else
        {
            rank = int.MaxValue;
            mergedId = -1;
        }
    }
}
