using System.Runtime.CompilerServices;

namespace Corpus.Tokenizer;

/// <summary>
/// The BPE merges as a table from a pair of token ids to the merge's rank and the merged id: an
/// open-addressed hash table (linear probing, at most half full) over plain arrays, so a lookup is a
/// multiply, a shift and usually one compare, with no interface calls.
/// </summary>
internal sealed class MergeTable
{
    private const long Empty = -1;
    private readonly long[] _keys;
    private readonly Merge[] _values;
    private readonly int _shift;

    public MergeTable(Dictionary<long, Merge> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        Count = merges.Count;
        int bits = 4;
        while ((1 << bits) < merges.Count * 2)
        {
            bits++;
        }

        _shift = 64 - bits;
        _keys = new long[1 << bits];
        _values = new Merge[1 << bits];
        Array.Fill(_keys, Empty);
        int mask = _keys.Length - 1;
        foreach (var (key, merge) in merges)
        {
            int slot = Slot(key);
            while (_keys[slot] != Empty)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _values[slot] = merge;
        }
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int left, int right, out Merge merge)
    {
        long key = Key(left, right);
        long[] keys = _keys;
        int mask = keys.Length - 1;
        int slot = Slot(key);
        while (true)
        {
            long found = keys[slot];
            if (found == key)
            {
                merge = _values[slot];
                return true;
            }

            if (found == Empty)
            {
                merge = default;
                return false;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
}

/// <summary>
/// Hashes a pair key by mixing both halves: <see cref="long.GetHashCode"/> is <c>left ^ right</c>,
/// which puts many token pairs in one bucket.
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
}

/// <summary>One merge: its rank (lower merges first) and the id of the token it makes.</summary>
internal readonly record struct Merge(int Rank, int MergedId);
