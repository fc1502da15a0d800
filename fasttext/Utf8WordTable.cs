namespace Corpus.FastText;

/// <summary>
/// Open-addressing table from UTF-8 words to dense ids 0..Count-1, keyed on bytes (no string per
/// lookup). Words live back to back in one byte array; slots hold id + 1 (0 is empty) and are probed
/// linearly from the FNV-1a hash, which every caller has computed anyway.
/// </summary>
internal sealed class Utf8WordTable
{
    private byte[] _bytes;
    private int _byteCount;
    private int[] _start;
    private uint[] _hash;
    private int[] _slots;
    private int _mask;

    public Utf8WordTable(int capacity = 16)
    {
        capacity = Math.Max(capacity, 4);
        _bytes = new byte[capacity * 8];
        _start = new int[capacity + 1];
        _hash = new uint[capacity];
        var slots = (int)Math.Min(1L << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2));
        _slots = new int[slots];
        _mask = slots - 1;
    }

    public int Count { get; private set; }

    public ReadOnlySpan<byte> this[int id] => _bytes.AsSpan(_start[id], _start[id + 1] - _start[id]);

    public uint HashOf(int id) => _hash[id];

    /// <summary>The id of <paramref name="word"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> word, uint hash)
    {
        var slots = _slots;
        var mask = _mask;
        for (var i = (int)(hash & (uint)mask); ; i = (i + 1) & mask)
        {
            var id = slots[i] - 1;
            if (id < 0)
            {
                return -1;
            }

            if (_hash[id] == hash && word.SequenceEqual(_bytes.AsSpan(_start[id], _start[id + 1] - _start[id])))
            {
                return id;
            }
        }
    }

    /// <summary>Adds a word that is not in the table yet and returns its id.</summary>
    public int Add(ReadOnlySpan<byte> word, uint hash)
    {
        if (Count == _hash.Length)
        {
            Array.Resize(ref _hash, Count * 2);
            Array.Resize(ref _start, (Count * 2) + 1);
        }

        if (_byteCount + word.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max((long)_bytes.Length * 2, (long)_byteCount + word.Length)));
        }

        var id = Count++;
        word.CopyTo(_bytes.AsSpan(_byteCount));
        _start[id] = _byteCount;
        _byteCount += word.Length;
        _start[id + 1] = _byteCount;
        _hash[id] = hash;
        if ((long)Count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }
        else
        {
            Insert(id);
        }

        return id;
    }

    private void Insert(int id)
    {
        var i = (int)(_hash[id] & (uint)_mask);
        while (_slots[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        _slots[i] = id + 1;
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        _mask = size - 1;
        for (var id = 0; id < Count; id++)
        {
            Insert(id);
        }
    }
}
