namespace Corpus.Shards.Packing;

/// <summary>
/// The open bins of a best-fit window by remaining room (1 … context length): a list of bins per
/// room value (linked through <c>_next</c>) and a Fenwick tree of bin counts over room values, so the
/// open bin with the least room that still fits a piece is found in O(log C).
/// </summary>
internal sealed class RoomIndex
{
    private readonly int _size;
    private readonly int _highBit;
    private readonly int[] _tree;
    private readonly int[] _head;
    private int[] _next = new int[64];
    private int _count;

    public RoomIndex(int maxRoom)
    {
        _size = maxRoom;
        _highBit = 1 << (31 - int.LeadingZeroCount(maxRoom));
        _tree = new int[maxRoom + 1];
        _head = new int[maxRoom + 1];
        _head.AsSpan().Fill(-1);
    }

    /// <summary>Open bins.</summary>
    public int Count => _count;

    /// <summary>Forgets every bin.</summary>
    public void Clear()
    {
        _tree.AsSpan().Clear();
        _head.AsSpan().Fill(-1);
        _count = 0;
    }

    /// <summary>Records that <paramref name="bin"/> has <paramref name="room"/> tokens of room (1 … max).</summary>
    public void Add(int bin, int room)
    {
        if (bin >= _next.Length)
        {
            Array.Resize(ref _next, Math.Max(_next.Length * 2, bin + 1));
        }

        _next[bin] = _head[room];
        _head[room] = bin;
        for (var i = room; i <= _size; i += i & -i)
        {
            _tree[i]++;
        }

        _count++;
    }

    /// <summary>
    /// Removes and returns the bin with the least room of at least <paramref name="need"/> (the one
    /// added last among equals), or -1 when no open bin has that much room.
    /// </summary>
    public int TakeBestFit(int need)
    {
        if (need > _size)
        {
            return -1;
        }

        var below = Prefix(need - 1);
        if (below == _count)
        {
            return -1;
        }

        var room = FindKth(below + 1);
        var bin = _head[room];
        _head[room] = _next[bin];
        for (var i = room; i <= _size; i += i & -i)
        {
            _tree[i]--;
        }

        _count--;
        return bin;
    }

    /// <summary>Bins with room 1 … <paramref name="room"/>.</summary>
    private int Prefix(int room)
    {
        var sum = 0;
        for (var i = room; i > 0; i -= i & -i)
        {
            sum += _tree[i];
        }

        return sum;
    }

    /// <summary>The smallest room value r with <see cref="Prefix"/>(r) ≥ <paramref name="k"/>.</summary>
    private int FindKth(int k)
    {
        var position = 0;
        for (var step = _highBit; step > 0; step >>= 1)
        {
            var next = position + step;
            if (next <= _size && _tree[next] < k)
            {
                position = next;
                k -= _tree[next];
            }
        }

        return position + 1;
    }
}
