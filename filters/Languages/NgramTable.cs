namespace Corpus.Filters.Languages;

/// <summary>
/// The distinct n-grams of a <see cref="CharacterNgramModel"/>, each with its row number (the order they were
/// added in): their characters in one array and an open-addressing hash table of row numbers over them, so that
/// a model of 150,000 n-grams costs a few megabytes and no string per n-gram, and a lookup by span allocates nothing.
/// Read-only once built, so thread-safe to read.
/// </summary>
internal sealed class NgramTable
{
    private readonly char[] _text;
    private readonly int[] _starts;

    // Row numbers by hash, -1 where empty; at most half full.
    private readonly int[] _slots;

    private NgramTable(char[] text, int[] starts, int[] slots)
    {
        _text = text;
        _starts = starts;
        _slots = slots;
    }

    /// <summary>How many n-grams there are.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The characters of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<char> this[int row] => _text.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    /// <summary>The row of <paramref name="gram"/>, or -1.</summary>
    public int RowOf(ReadOnlySpan<char> gram)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)(Hash(gram) & (ulong)mask); ; i = (i + 1) & mask)
        {
            var row = _slots[i];
            if (row < 0)
            {
                return -1;
            }

            if (this[row].SequenceEqual(gram))
            {
                return row;
            }
        }
    }

    // FNV-1a over the UTF-16 code units: the same on every run and machine (string.GetHashCode is randomized).
    private static ulong Hash(ReadOnlySpan<char> gram)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in gram)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Collects n-grams, then <see cref="Build"/>s the table.</summary>
    public sealed class Builder
    {
        private readonly List<char> _text = [];
        private readonly List<int> _starts = [0];

        /// <summary>Adds the next row.</summary>
        public void Add(ReadOnlySpan<char> gram)
        {
            foreach (var c in gram)
            {
                _text.Add(c);
            }

            _starts.Add(_text.Count);
        }

        /// <summary>The table of the rows added.</summary>
        /// <exception cref="InvalidDataException">A row is empty or added twice.</exception>
        public NgramTable Build()
        {
            var count = _starts.Count - 1;
            var capacity = 16;
            while (capacity < count * 2)
            {
                capacity *= 2;
            }

            var slots = new int[capacity];
            Array.Fill(slots, -1);
            var table = new NgramTable([.. _text], [.. _starts], slots);
            var mask = capacity - 1;
            for (var row = 0; row < count; row++)
            {
                var gram = table[row];
                if (gram.IsEmpty)
                {
                    throw new InvalidDataException($"n-gram {row + 1} is empty");
                }

                var i = (int)(Hash(gram) & (ulong)mask);
                while (slots[i] >= 0)
                {
                    if (table[slots[i]].SequenceEqual(gram))
                    {
                        throw new InvalidDataException($"the n-gram '{gram}' is listed twice");
                    }

                    i = (i + 1) & mask;
                }

                slots[i] = row;
            }

            return table;
        }
    }
}
