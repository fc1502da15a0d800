using System.Collections.Concurrent;

namespace Corpus.Tokenizer;

/// <summary>
/// A bounded, thread-safe cache from a pre-tokenized piece to its token ids. Lookups by span do
/// not allocate; when the cache has taken <c>capacity</c> entries it is cleared and starts over.
/// </summary>
internal sealed class PieceCache
{
    /// <summary>Pieces longer than this are not cached.</summary>
    public const int MaxPieceLength = 64;

    private readonly ConcurrentDictionary<string, int[]> _entries;
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _capacity;
    private int _added;

    public PieceCache(int capacity)
    {
        _capacity = capacity;
        _entries = new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal);
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> piece, out int[] ids) => _bySpan.TryGetValue(piece, out ids!);

    public void Add(ReadOnlySpan<char> piece, int[] ids)
    {
        if (Interlocked.Increment(ref _added) > _capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        _bySpan.TryAdd(piece, ids);
    }
}
