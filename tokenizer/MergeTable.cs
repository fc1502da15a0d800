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

/// <summary>One merge: its rank (lower merges first) and the id of the token it makes.</summary>
internal readonly record struct Merge(int Rank, int MergedId);
