using System.Collections.Concurrent;

namespace Corpus.Tokenizer;

/// <summary>
/// A bounded, thread-safe cache from a pre-tokenized piece to its token ids, in two levels: a small
/// direct-mapped table per thread (<see cref="Local"/>) in front of one dictionary that every thread
/// shares. The per-thread level answers the frequent pieces without touching what the other cores
/// read; a miss there looks in the shared dictionary and keeps what it finds. Lookups by span do not
/// allocate; when the shared dictionary has taken <c>capacity</c> entries it is cleared and starts over.
/// </summary>
internal sealed class PieceCache
{
    /// <summary>Pieces longer than this are not cached.</summary>
    public const int MaxPieceLength = 64;

    /// <summary>
    /// Slots of each thread's table (a power of two): 512 KB of references per thread, within a core's L2,
    /// and room for the many distinct pieces of CJK text, which thrashed 4,096 slots (CJK on one thread:
    /// 307-337 MB/s with 4,096, 395 MB/s with this many).
    /// </summary>
    private const int LocalSlots = 1 << 15;

    [ThreadStatic]
    private static LocalTable? t_table;

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

    /// <summary>This thread's table for this cache; take it once per document, not per piece.</summary>
    public LocalCache Local()
    {
        var table = t_table;
        if (table is null || !table.Owner.TryGetTarget(out var owner) || !ReferenceEquals(owner, this))
        {
            t_table = table = new LocalTable(this);
        }

        return new LocalCache(this, table);
    }

    private bool TryGetShared(ReadOnlySpan<char> piece, out string key, out int[] ids) => _bySpan.TryGetValue(piece, out key!, out ids!);

    private string AddShared(ReadOnlySpan<char> piece, int[] ids)
    {
        if (Interlocked.Increment(ref _added) > _capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        string key = piece.ToString();
        _entries.TryAdd(key, ids);
        return key;
    }

    /// <summary>
    /// One thread's slots; it names its cache weakly, so a thread that outlives a tokenizer does not keep
    /// that tokenizer's shared dictionary alive (only its own 32,768 slots, until it next encodes).
    /// </summary>
    internal sealed class LocalTable(PieceCache owner)
    {
        public WeakReference<PieceCache> Owner { get; } = new(owner);

        public string?[] Keys { get; } = new string?[LocalSlots];

        public int[]?[] Values { get; } = new int[]?[LocalSlots];
    }

    /// <summary>One thread's direct-mapped table in front of the shared dictionary, for the length of one document.</summary>
    internal readonly struct LocalCache
    {
        private readonly PieceCache _owner;
        private readonly LocalTable _table;

        internal LocalCache(PieceCache owner, LocalTable table)
        {
            _owner = owner;
            _table = table;
        }

        public bool TryGet(ReadOnlySpan<char> piece, out int[] ids)
        {
            int slot = Slot(piece);
            if (_table.Keys[slot] is { } key && piece.SequenceEqual(key))
            {
                ids = _table.Values[slot]!;
                return true;
            }

            if (_owner.TryGetShared(piece, out var sharedKey, out ids))
            {
                _table.Keys[slot] = sharedKey;
                _table.Values[slot] = ids;
                return true;
            }

            return false;
        }

        public void Add(ReadOnlySpan<char> piece, int[] ids)
        {
            int slot = Slot(piece);
            _table.Keys[slot] = _owner.AddShared(piece, ids);
            _table.Values[slot] = ids;
        }

        private static int Slot(ReadOnlySpan<char> piece)
        {
            uint hash = (uint)piece.Length;
            foreach (char c in piece)
            {
                hash = (hash ^ c) * 0x9E3779B1u;
            }

            return (int)((hash ^ (hash >> 15)) & (LocalSlots - 1));
        }
    }
}
