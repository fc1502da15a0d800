namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Training text derived from the packages' text rather than read from it: machine translations of one
/// label's strings into a close language (<see cref="LidTranslation"/>) and lines sampled from word-frequency
/// lists (<see cref="LidWordList"/>), each added as more sources of its label before the classes are balanced.
/// </summary>
internal static class DerivedSources
{
    /// <summary>
    /// Adds each translation's changed strings to its target label, one source per source of the label translated
    /// (the sources as CatalogSources read them, before any translation added to them).
    /// </summary>
    public static List<LidTranslated> Translate(
        IReadOnlyList<LidTranslation> translations, Dictionary<string, List<IReadOnlyList<string>>> catalogs, ILidTranslator translator)
    {
        var original = catalogs.ToDictionary(c => c.Key, c => c.Value.ToList(), StringComparer.Ordinal);
        var result = new List<LidTranslated>();
        foreach (var translation in translations)
        {
            if (translator.Unavailable(translation.Mode) is { } reason)
            {
                result.Add(new LidTranslated(translation, 0, 0, reason));
                continue;
            }

            if (!original.TryGetValue(translation.From, out var sources))
            {
                result.Add(new LidTranslated(translation, 0, 0, $"there is no text of {translation.From} to translate"));
                continue;
            }

            var strings = 0;
            var changed = 0;
            foreach (var source in sources)
            {
                var output = translator.Translate(translation.Mode, source);
                if (output.Count != source.Count)
                {
                    throw new InvalidDataException($"translation {translation.Mode} gave {output.Count} lines for {source.Count}");
                }

                var kept = new List<string>();
                for (var i = 0; i < source.Count; i++)
                {
                    if (!string.Equals(output[i], source[i], StringComparison.Ordinal) && CatalogText.Clean(output[i]) is { } clean)
                    {
                        kept.Add(clean);
                    }
                }

                strings += source.Count;
                changed += kept.Count;
                if (kept.Count > 0)
                {
                    if (!catalogs.TryGetValue(translation.To, out var target))
                    {
                        catalogs[translation.To] = target = [];
                    }

                    target.Add(kept);
                }
            }

            result.Add(new LidTranslated(translation, strings, changed, null));
        }

        return result;
    }

    /// <summary>Adds the lines sampled from each word list as one more source of its label.</summary>
    public static List<LidSampled> SampleWordLists(LidTrainingOptions options, Dictionary<string, List<IReadOnlyList<string>>> catalogs)
    {
        var result = new List<LidSampled>();
        if (options.WordListLines == 0)
        {
            return result;
        }

        foreach (var list in options.WordLists)
        {
            var path = Path.Combine(options.PackageRoot, list.Path);
            if (!File.Exists(path))
            {
                result.Add(new LidSampled(list, 0, $"'{path}' is missing"));
                continue;
            }

            var random = new Random(options.Seed ^ LidTrainingData.StableHash(list.Path));
            var lines = WordListText.Sample(path, list.Separator, options.WordListLines, Math.Max(1, options.MinLineLength / 2), Math.Max(1, options.MaxLineLength / 2), random);
            if (!catalogs.TryGetValue(list.Label, out var sources))
            {
                catalogs[list.Label] = sources = [];
            }

            sources.Add(lines);
            result.Add(new LidSampled(list, lines.Count, null));
        }

        return result;
    }
}
