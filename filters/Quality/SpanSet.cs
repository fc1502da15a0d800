namespace Corpus.Filters.Quality;

/// <summary>
/// A set of slices of one text, compared by their characters (ordinal): gives each distinct slice an
/// id in the order first seen, without building a string. Open addressing over reusable arrays, so a
/// document costs no allocation once the arrays have grown to the largest document seen.
/// </summary>
internal sealed class SpanSet
{
    private int[] _slots = new int[1024]; // entry index + 1; 0 is empty
    private int[] _starts = new int[512];
    private int[] _lengths = new int[512];
    private int[] _hashes = new int[512];
    private int _mask;
    private string _text = string.Empty;

    public int Count { get; private set; }

    /// <summary>Empties the set and sizes it for up to <paramref name="expected"/> distinct slices of <paramref name="text"/>.</summary>
    public void Reset(string text, int expected)
    {
        _text = text;
        Count = 0;
        var size = 16;
        while (size < expected * 2)
        {
            size *= 2;
        }

        if (_slots.Length < size)
        {
            _slots = new int[size];
        }
        else
        {
            Array.Clear(_slots, 0, size);
        }

        _mask = size - 1;
        if (_starts.Length < expected)
        {
            _starts = new int[expected];
            _lengths = new int[expected];
            _hashes = new int[expected];
        }
    }

    /// <summary>The id of the slice <c>text[start..start+length]</c>, added when new (<paramref name="added"/>).</summary>
    public int GetOrAdd(int start, int length, out bool added)
    {
        var slice = _text.AsSpan(start, length);
        var hash = string.GetHashCode(slice);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && _lengths[entry] == length && _text.AsSpan(_starts[entry], length).SequenceEqual(slice))
            {
                added = false;
                return entry;
            }

            slot = (slot + 1) & _mask;
        }

        var id = Count++;
        _starts[id] = start;
        _lengths[id] = length;
        _hashes[id] = hash;
        _slots[slot] = id + 1;
        added = true;
        return id;
    }

    /// <summary>How many slices repeat an earlier one, and their characters (datatrove's duplicate counts).</summary>
    public (int Elements, int Chars) DuplicateStats(string text, TextRanges pieces)
    {
        Reset(text, pieces.Count);
        var (count, chars) = (0, 0);
        for (var i = 0; i < pieces.Count; i++)
        {
            GetOrAdd(pieces.Start(i), pieces.Length(i), out var added);
            if (!added)
            {
                count++;
                chars += pieces.Length(i);
            }
        }

        return (count, chars);
    }
}
