namespace Corpus.Filters.Quality;

/// <summary>
/// Distinct n-grams of a sequence of word ids, each kept by its first position with a count: the
/// n-gram statistics of the repetition rules without a string or a dictionary per document.
/// </summary>
internal sealed class NGramTable
{
    private int[] _slots = new int[1024]; // first position + 1; 0 is empty
    private int[] _counts = new int[1024];
    private int _mask;
    private int[] _ids = [];
    private int _n;

    /// <summary>Empties the table for the <paramref name="n"/>-grams of <paramref name="ids"/>[0..<paramref name="count"/>).</summary>
    public void Reset(int[] ids, int count, int n)
    {
        _ids = ids;
        _n = n;
        var size = 16;
        while (size < count * 2)
        {
            size *= 2;
        }

        if (_slots.Length < size)
        {
            _slots = new int[size];
            _counts = new int[size];
        }
        else
        {
            Array.Clear(_slots, 0, size);
        }

        _mask = size - 1;
    }

    /// <summary>Counts the n-gram at <paramref name="position"/>; true when it was not seen before.</summary>
    public bool Add(int position)
    {
        var gram = _ids.AsSpan(position, _n);
        var slot = Hash(gram) & _mask;
        while (true)
        {
            var first = _slots[slot] - 1;
            if (first < 0)
            {
                _slots[slot] = position + 1;
                _counts[slot] = 1;
                return true;
            }

            if (_ids.AsSpan(first, _n).SequenceEqual(gram))
            {
                _counts[slot]++;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The most frequent n-gram (the earliest first position on a tie, as Python's Counter.most_common) and its count.</summary>
    public (int First, int Count) Top()
    {
        var (top, topCount) = (0, 0);
        for (var slot = 0; slot <= _mask; slot++)
        {
            var first = _slots[slot] - 1;
            var count = _counts[slot];
            if (first >= 0 && (count > topCount || (count == topCount && first < top)))
            {
                (top, topCount) = (first, count);
            }
        }

        return (top, topCount);
    }

    private static int Hash(ReadOnlySpan<int> gram)
    {
        var h = 0x2545F491u;
        foreach (var id in gram)
        {
            h = (h ^ (uint)id) * 0x9E3779B1u;
            h ^= h >> 15;
        }

        return (int)h;
    }
}
