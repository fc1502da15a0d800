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

    /// <summary>Slots of each thread's table (a power of two).</summary>
    private const int LocalSlots = 1 << 12;

    [ThreadStatic]
    private static LocalCache? t_local;

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
        var local = t_local;
        if (local is null || !ReferenceEquals(local.Owner, this))
        {
            t_local = local = new LocalCache(this);
        }

        return local;
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

    /// <summary>One thread's direct-mapped table in front of the shared dictionary.</summary>
    internal sealed class LocalCache(PieceCache owner)
    {
        private readonly string?[] _keys = new string?[LocalSlots];
        private readonly int[]?[] _values = new int[]?[LocalSlots];

        public PieceCache Owner => owner;

        public bool TryGet(ReadOnlySpan<char> piece, out int[] ids)
        {
            int slot = Slot(piece);
            if (_keys[slot] is { } key && piece.SequenceEqual(key))
            {
                ids = _values[slot]!;
                return true;
            }

            if (owner.TryGetShared(piece, out var sharedKey, out ids))
            {
                _keys[slot] = sharedKey;
                _values[slot] = ids;
                return true;
            }

            return false;
        }

        public void Add(ReadOnlySpan<char> piece, int[] ids)
        {
            int slot = Slot(piece);
            _keys[slot] = owner.AddShared(piece, ids);
            _values[slot] = ids;
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
