namespace Corpus.FastText;

/// <summary>A growable list of ints that keeps its array between uses (per-thread scratch).</summary>
internal sealed class IntBuffer(int capacity = 256)
{
    public int[] Items { get; private set; } = new int[capacity];

    public int Count { get; set; }

    public ReadOnlySpan<int> Span => Items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int value)
    {
        if (Count == Items.Length)
        {
            Grow(Count + 1);
        }

        Items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<int> values)
    {
        if (Count + values.Length > Items.Length)
        {
            Grow(Count + values.Length);
        }

        values.CopyTo(Items.AsSpan(Count));
        Count += values.Length;
    }

    private void Grow(int needed)
    {
        var items = Items;
        Array.Resize(ref items, Math.Max(needed, items.Length * 2));
        Items = items;
    }
}
