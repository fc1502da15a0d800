using System.Runtime.CompilerServices;

namespace Corpus.Tokenizer;

/// <summary>The BPE merges as a table from a pair of token ids to the merge's rank and the merged id.</summary>
internal sealed class MergeTable
{
    private readonly Dictionary<long, Merge> _merges;

    public MergeTable(Dictionary<long, Merge> merges) => _merges = merges;

    public int Count => _merges.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int left, int right, out Merge merge) => _merges.TryGetValue(Key(left, right), out merge);
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
