using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Writes the built-in language-ID model's training file (<c>__label__xxx_Scrp text</c> lines) from
/// UDHR passages and the translation catalogs and fortunes of unpacked Debian packages, plus machine
/// translations of one language's strings into a close one (<see cref="LidTrainingOptions.Translations"/>); classes are
/// balanced (catalog lines capped, UDHR passages repeated up to a limit) and every order is seeded,
/// so the same inputs and seed give the same bytes.
/// </summary>
public static class LidTrainingData
{
    /// <summary>
    /// Writes the training file; <paramref name="udhr"/> must hold training passages only. The translations run
    /// through <paramref name="translator"/>, by default Apertium unpacked into the package folder (<see cref="ApertiumTranslator"/>).
    /// </summary>
    public static LidTrainingSummary Write(LidTrainingOptions options, IEnumerable<LidText> udhr, TextWriter output, ILidTranslator? translator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(udhr);
        ArgumentNullException.ThrowIfNull(output);
        var udhrByLabel = udhr.GroupBy(t => t.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Text).ToList(), StringComparer.Ordinal);
        var udhrLanguages = udhrByLabel.Keys.Select(l => l.Split('_')[0]).ToHashSet(StringComparer.Ordinal);
        var catalogs = CatalogSources.Read(options.PackageRoot, options.CldrRoot, udhrLanguages);
        var translated = DerivedSources.Translate(options.Translations, catalogs, translator ?? new ApertiumTranslator(options.PackageRoot));
        var sampled = DerivedSources.SampleWordLists(options, catalogs);
        var labels = udhrByLabel.Keys.Union(catalogs.Keys).Where(l => !options.ExcludedLabels.Contains(l)).Order(StringComparer.Ordinal).ToList();

        var lines = new List<string>();
        var summary = new SortedDictionary<string, LidLabelLines>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var random = new Random(options.Seed ^ StableHash(label));
            var udhrCount = 0;
            if (udhrByLabel.TryGetValue(label, out var passages) && passages.Count > 0)
            {
                var repeat = Math.Clamp((options.TargetUdhrLines + passages.Count - 1) / passages.Count, 1, options.MaxUdhrRepeat);
                for (var r = 0; r < repeat; r++)
                {
                    foreach (var p in passages)
                    {
                        lines.Add($"__label__{label} {p}");
                        udhrCount++;
                    }
                }
            }

            var catalogCount = 0;
            var cap = Qwen3Languages.Codes.Contains(label) ? options.MaxCatalogLines : options.MaxOtherCatalogLines;
            if (catalogs.TryGetValue(label, out var sources))
            {
                var perSource = sources.Select(s => JoinLines(s, random, options)).ToList();
                for (var round = 0; catalogCount < cap; round++)
                {
                    var any = false;
                    foreach (var source in perSource)
                    {
                        if (round < source.Count && catalogCount < cap)
                        {
                            lines.Add($"__label__{label} {source[round]}");
                            catalogCount++;
                            any = true;
                        }
                    }

                    if (!any)
                    {
                        break;
                    }
                }
            }

            if (udhrCount + catalogCount < options.MinLines)
            {
                lines.RemoveRange(lines.Count - udhrCount - catalogCount, udhrCount + catalogCount);
                continue; // too little text to learn the language from
            }

            summary[label] = new LidLabelLines(udhrCount, catalogCount);
        }

        Shuffle(lines, new Random(options.Seed));
        foreach (var line in lines)
        {
            output.Write(line);
            output.Write('\n');
        }

        return new LidTrainingSummary(summary) { Translations = translated, WordLists = sampled };
    }

    /// <summary>Training passages from a translation's paragraphs: short ones joined up to <paramref name="minLength"/> characters, long ones cut at spaces near <paramref name="maxLength"/>.</summary>
    public static IEnumerable<string> Passages(IEnumerable<string> paragraphs, int minLength = 100, int maxLength = 400)
    {
        var pending = new StringBuilder();
        foreach (var raw in paragraphs)
        {
            var p = Collapse(raw);
            if (p.Length == 0)
            {
                continue;
            }

            if (pending.Length > 0)
            {
                pending.Append(' ');
            }

            pending.Append(p);
            if (pending.Length < minLength)
            {
                continue;
            }

            foreach (var chunk in Chunk(pending.ToString(), maxLength))
            {
                yield return chunk;
            }

            pending.Clear();
        }

        if (pending.Length > 0)
        {
            foreach (var chunk in Chunk(pending.ToString(), maxLength))
            {
                yield return chunk;
            }
        }
    }

    internal static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)h;
    }

    private static List<string> JoinLines(IReadOnlyList<string> strings, Random random, LidTrainingOptions options)
    {
        var order = strings.ToArray();
        Shuffle(order, random);
        var result = new List<string>();
        var sb = new StringBuilder();
        var target = random.Next(options.MinLineLength, options.MaxLineLength + 1);
        foreach (var s in order)
        {
            if (sb.Length > 0 && sb.Length + 1 + s.Length > options.MaxLineLength)
            {
                if (sb.Length >= options.MinLineLength / 2)
                {
                    result.Add(sb.ToString());
                }

                sb.Clear();
                target = random.Next(options.MinLineLength, options.MaxLineLength + 1);
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(s.Length > options.MaxLineLength ? s[..options.MaxLineLength] : s);
            if (sb.Length >= target)
            {
                result.Add(sb.ToString());
                sb.Clear();
                target = random.Next(options.MinLineLength, options.MaxLineLength + 1);
            }
        }

        if (sb.Length >= options.MinLineLength / 2)
        {
            result.Add(sb.ToString());
        }

        return result;
    }

    private static IEnumerable<string> Chunk(string text, int maxLength)
    {
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var cut = text.LastIndexOf(' ', start + maxLength, maxLength / 2);
            if (cut <= start)
            {
                cut = start + maxLength;
            }

            yield return text[start..cut].Trim();
            start = cut;
        }

        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Shuffle<T>(IList<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
