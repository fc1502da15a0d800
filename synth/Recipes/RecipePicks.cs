using Corpus.Synth.Gguf;

namespace Corpus.Synth.Recipes;

/// <summary>Seeded picks for one problem: a fixed generator seeded by the recipe's seed and the problem's index.</summary>
internal struct RecipePicks
{
    private SplitMix64 _random;

    public RecipePicks(long seed, int index, string salt)
    {
        _random = new SplitMix64((ulong)seed ^ SplitMix64.Hash(salt) ^ ((ulong)(uint)index * 0xD1B54A32D192ED03UL));
        _random.Next();
    }

    /// <summary>One item of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[(int)(_random.Next() % (ulong)items.Count)];

    /// <summary><paramref name="count"/> distinct items (fewer when there are fewer), in picked order.</summary>
    public IReadOnlyList<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var chosen = new List<int>(count);
        while (chosen.Count < Math.Min(count, items.Count))
        {
            int i = (int)(_random.Next() % (ulong)items.Count);
            if (!chosen.Contains(i))
            {
                chosen.Add(i);
            }
        }

        return chosen.Select(i => items[i]).ToList();
    }
}
