namespace Corpus.FastText;

/// <summary>A candidate label: its log-probability score and its index.</summary>
internal record struct HeapEntry(float Score, int Index);

/// <summary>
/// fastText's top-k selection (<c>findKBest</c> with <c>std::push_heap</c>, <c>pop_heap</c>,
/// <c>sort_heap</c> and the comparison <c>a.first &gt; b.first</c>), reproduced step for step so
/// that ties come out in the same order as libstdc++ puts them.
/// </summary>
internal static class TopKHeap
{
    /// <summary>Offers one candidate to a heap of at most <paramref name="k"/>; returns the new size.</summary>
    public static int Offer(Span<HeapEntry> heap, int size, int k, HeapEntry entry)
    {
        if (size == k && entry.Score < heap[0].Score)
        {
            return size;
        }

        heap[size++] = entry;
        SiftUp(heap, size - 1, 0, entry);
        if (size > k)
        {
            Pop(heap, size);
            size--;
        }

        return size;
    }

    /// <summary><c>std::sort_heap</c>: the heap becomes a list by descending score.</summary>
    public static void Sort(Span<HeapEntry> heap, int size)
    {
        for (var last = size; last > 1; last--)
        {
            Pop(heap, last);
        }
    }

    private static bool Before(HeapEntry a, HeapEntry b) => a.Score > b.Score;

    /// <summary><c>std::pop_heap</c> on heap[0..size): the top moves to size - 1.</summary>
    private static void Pop(Span<HeapEntry> heap, int size)
    {
        if (size <= 1)
        {
            return;
        }

        var last = size - 1;
        var value = heap[last];
        heap[last] = heap[0];
        Adjust(heap, 0, last, value);
    }

    private static void SiftUp(Span<HeapEntry> heap, int hole, int top, HeapEntry value)
    {
        var parent = (hole - 1) / 2;
        while (hole > top && Before(heap[parent], value))
        {
            heap[hole] = heap[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }

        heap[hole] = value;
    }

    private static void Adjust(Span<HeapEntry> heap, int hole, int length, HeapEntry value)
    {
        var top = hole;
        var child = hole;
        while (child < (length - 1) / 2)
        {
            child = 2 * (child + 1);
            if (Before(heap[child], heap[child - 1]))
            {
                child--;
            }

            heap[hole] = heap[child];
            hole = child;
        }

        if ((length & 1) == 0 && child == (length - 2) / 2)
        {
            child = 2 * (child + 1);
            heap[hole] = heap[child - 1];
            hole = child - 1;
        }

        SiftUp(heap, hole, top, value);
    }
}
