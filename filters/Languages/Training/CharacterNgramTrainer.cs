using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Counts the character n-grams of each label's lines (<c>__label__zul_Latn text</c>, fastText's format) into a
/// <see cref="CharacterNgramModel"/>. The file is read as a stream; memory grows with the distinct n-grams, not
/// the lines. The same file and options give the same model, byte for byte.
/// </summary>
public static class CharacterNgramTrainer
{
    private const string LabelPrefix = "__label__";

    /// <summary>Trains on the labelled lines of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A line has no <c>__label__</c> first, or fewer than two labels have text; the message names the file and the line.</exception>
    public static CharacterNgramModel Train(string path, CharacterNgramOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new CharacterNgramOptions();
        if (options.MinN < 1 || options.MaxN < options.MinN || options.MaxN > CharacterNgrams.BufferLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"n-gram lengths {options.MinN} to {options.MaxN} are not a range within 1 to {CharacterNgrams.BufferLength}");
        }

        if (!(options.Prior > 0) || double.IsInfinity(options.Prior))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the prior weight {options.Prior} is not a positive number");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MinCount);

        var counts = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, new UTF8Encoding(false), false, 1 << 16);
        Span<char> word = stackalloc char[CharacterNgrams.BufferLength];
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if ((number & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var label = space < 0 ? line : line[..space];
            if (!label.StartsWith(LabelPrefix, StringComparison.Ordinal) || label.Length == LabelPrefix.Length)
            {
                throw new InvalidDataException($"{path}:{number}: a training line starts with its label, '{LabelPrefix}NAME'");
            }

            if (!counts.TryGetValue(label, out var grams))
            {
                counts[label] = grams = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            var lookup = grams.GetAlternateLookup<ReadOnlySpan<char>>();
            var text = space < 0 ? ReadOnlySpan<char>.Empty : line.AsSpan(space + 1);
            foreach (var gram in CharacterNgrams.Of(text, options.MinN, options.MaxN, word))
            {
                lookup[gram] = lookup.TryGetValue(gram, out var seen) ? seen + 1 : 1;
            }
        }

        var labels = counts.Where(c => c.Value.Count > 0).Select(c => c.Key).ToArray();
        if (labels.Length < 2)
        {
            throw new InvalidDataException($"{path}: {labels.Length} label(s) have text; a character n-gram model tells two or more apart");
        }

        var all = labels.SelectMany(label => counts[label].Keys)
            .Distinct(StringComparer.Ordinal)
            .Where(gram => options.MinCount <= 1 || labels.Sum(label => counts[label].GetValueOrDefault(gram)) >= options.MinCount)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var table = new NgramTable.Builder();
        var matrix = new int[checked(all.Length * labels.Length)];
        for (var g = 0; g < all.Length; g++)
        {
            table.Add(all[g]);
            for (var j = 0; j < labels.Length; j++)
            {
                matrix[(g * labels.Length) + j] = checked((int)counts[labels[j]].GetValueOrDefault(all[g]));
            }
        }

        return new CharacterNgramModel(options.MinN, options.MaxN, options.Prior, labels, table.Build(), matrix);
    }
}
