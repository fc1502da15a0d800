using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads the translated strings of unpacked Debian packages, grouped by label and source: LibreOffice
/// resource catalogs (<c>usr/lib/libreoffice/program/resource/LOCALE/LC_MESSAGES/*.mo</c>), gettext
/// catalogs (<c>usr/share/locale/LOCALE/LC_MESSAGES/*.mo</c>, e.g. iso-codes), fortunes
/// (<c>usr/share/games/fortunes/LOCALE/*</c>; English ones in the folder itself), Firefox's and Thunderbird's language packs
/// (<see cref="MozillaLangpacks"/>), LibreOffice's help pages (<see cref="HelpPages"/>), the GNOME and MATE manuals
/// (<see cref="GnomeHelp"/>) and MediaWiki's
/// interface messages (<see cref="MediaWikiMessages"/>). English comes from the original strings (msgids) of one
/// catalog set; optionally the Unicode CLDR's display strings (<see cref="CldrStrings"/>). Strings equal to their original are dropped; a string whose script is not its
/// catalog's dominant script is dropped too. Everything is read in ordinal path order.
/// </summary>
internal static class CatalogSources
{
    private const string EnglishFrom = "de";

    /// <summary>
    /// Where catalogs lie (<c>LOCALE/LC_MESSAGES/*.mo</c> below each): each folder's catalogs of one locale are one
    /// source of that locale's label, and the original strings of its <see cref="EnglishFrom"/> catalogs one English source.
    /// </summary>
    private static readonly (string Kind, string Dir)[] CatalogDirs =
    [
        ("libreoffice", "usr/lib/libreoffice/program/resource"),
        ("gettext", "usr/share/locale"),
        ("wesnoth", "usr/share/games/wesnoth/1.16/locale"), // the campaigns' story text: narrative, past tense, dialogue
    ];

    /// <summary>
    /// Label, then one list of distinct strings per source (sources in path order). With
    /// <paramref name="cldr"/> (a <c>node_modules</c> folder holding the CLDR packages) a CLDR locale
    /// (<see cref="CldrStrings"/>) is the source of a language that has no other text: no catalog, help
    /// page, fortune, story or MediaWiki message, and no UDHR translation (<paramref name="udhrLanguages"/>, ISO 639-3). Lists
    /// of names and date words are a last resort: measured as a source for every language, or for those
    /// with little other text, they moved close pairs (Persian and Dari learn one list of names) and
    /// cost held-out UDHR accuracy (docs/language-id.md).
    /// </summary>
    public static Dictionary<string, List<IReadOnlyList<string>>> Read(string root, string? cldr = null, IReadOnlySet<string>? udhrLanguages = null)
    {
        var iso = Path.Combine(root, "usr/share/iso-codes/json/iso_639-3.json");
        if (!File.Exists(iso))
        {
            throw new FileNotFoundException($"'{iso}' is missing: unpack the Debian package iso-codes into '{root}' (scripts/build-lid-model.sh does)", iso);
        }

        var labels = LanguageLabels.Load(iso);
        var result = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (kind, dir) in CatalogDirs)
        {
            var baseDir = Path.Combine(root, dir);
            if (!Directory.Exists(baseDir))
            {
                continue;
            }

            var english = new List<string>();

            foreach (var localeDir in Sorted(Directory.GetDirectories(baseDir)))
            {
                var locale = Path.GetFileName(localeDir);
                var files = Directory.Exists(Path.Combine(localeDir, "LC_MESSAGES"))
                    ? Sorted(Directory.GetFiles(Path.Combine(localeDir, "LC_MESSAGES"), "*.mo"))
                    : [];
                var language = labels.FromLocale(locale);
                var strings = new List<string>();
                foreach (var file in files)
                {
                    if (Path.GetFileNameWithoutExtension(file) is "iso_639-3" or "iso_639_3" or "iso_639-5" or "iso_639_5" or "iso_3166-2" or "iso_3166_2")
                    {
                        continue; // thousands of names of small languages and places: lists, not language
                    }

                    foreach (var m in MoCatalog.Read(file))
                    {
                        if (locale == EnglishFrom)
                        {
                            Add(english, m.Id);
                        }

                        if (language is null)
                        {
                            continue;
                        }

                        foreach (var t in m.Translations)
                        {
                            if (t.Length > 0 && !string.Equals(t, m.Id, StringComparison.OrdinalIgnoreCase) && !string.Equals(t, m.PluralId, StringComparison.OrdinalIgnoreCase))
                            {
                                Add(strings, t);
                            }
                        }
                    }
                }

                if (language is not null)
                {
                    AddSource(result, language, locale, strings);
                }
            }

            AddSource(result, "eng", "en-" + kind, english);
        }

        var fortunes = Path.Combine(root, "usr/share/games/fortunes");
        if (Directory.Exists(fortunes))
        {
            foreach (var localeDir in Sorted(Directory.GetDirectories(fortunes)))
            {
                var locale = Path.GetFileName(localeDir);
                if (labels.FromLocale(locale) is not { } language)
                {
                    continue;
                }

                var strings = FortuneFiles(localeDir).SelectMany(ReadFortunes).ToList();
                AddSource(result, language, locale, strings);
            }

            AddEnglishFortunes(fortunes, result);
        }

        foreach (var pack in MozillaLangpacks.Read(root))
        {
            if (labels.FromLocale(pack.Locale) is { } language)
            {
                AddCleaned(result, language, pack.Locale, pack.Strings);
            }
        }

        AddHelp(root, labels, result);
        AddGnomeHelp(root, labels, result);
        foreach (var language in MediaWikiMessages.Read(root, locale => labels.FromLocale(locale) is { } l && labels.IsIso6393(l) ? l : null))
        {
            AddCleaned(result, language.Language, MediaWikiMessages.Locale(language.Code), language.Messages);
        }

        if (cldr is not null)
        {
            bool Needed(string locale) =>
                labels.FromLocale(locale) is { } language && !HasText(result, language) && !(udhrLanguages?.Contains(language) ?? false);

            foreach (var (locale, raw) in CldrStrings.Read(cldr, LanguageLabels.IsRegionalLanguage, Needed))
            {
                AddCleaned(result, labels.FromLocale(locale)!, locale, raw);
            }
        }

        return result;
    }

    /// <summary>
    /// LibreOffice's help pages, one source per locale; English from <c>en-US</c>. A paragraph that
    /// is also an English one is dropped from the other locales (untranslated help stays English).
    /// </summary>
    private static void AddHelp(string root, LanguageLabels labels, Dictionary<string, List<IReadOnlyList<string>>> result)
    {
        var locales = HelpPages.Locales(root);
        var englishLocale = locales.FirstOrDefault(l => l.StartsWith("en", StringComparison.Ordinal));
        var english = new HashSet<string>(StringComparer.Ordinal);
        if (englishLocale is not null)
        {
            var strings = new List<string>();
            foreach (var p in HelpPages.Read(root, englishLocale))
            {
                english.Add(p);
                Add(strings, p);
            }

            AddSource(result, "eng", englishLocale, strings);
        }

        foreach (var locale in locales)
        {
            if (labels.FromLocale(locale) is not { } language)
            {
                continue;
            }

            AddCleaned(result, language, locale, HelpPages.Read(root, locale).Where(p => !english.Contains(p)));
        }
    }

    /// <summary>
    /// The English fortunes (Debian's <c>fortunes</c> and <c>fortunes-min</c>: quotations, jokes, definitions,
    /// dialogue; contractions and possessives, which software strings seldom have) lie in the fortunes folder
    /// itself, beside links into the locale folders and the files of other languages' packages (Portuguese,
    /// Chinese): a file there is English when at least 80% of its fortunes have mostly words of the English
    /// sources read so far (the catalogs' originals).
    /// </summary>
    private static void AddEnglishFortunes(string fortunes, Dictionary<string, List<IReadOnlyList<string>>> result)
    {
        var vocabulary = result.TryGetValue("eng_Latn", out var sources)
            ? sources.SelectMany(s => s).SelectMany(Vocabulary.Words).ToHashSet(StringComparer.Ordinal)
            : [];
        var english = new List<string>();
        foreach (var file in FortuneFiles(fortunes))
        {
            var strings = ReadFortunes(file);
            if (strings.Count(s => Vocabulary.IsMostlyFrom(s, vocabulary)) * 10 >= strings.Count * 8)
            {
                english.AddRange(strings);
            }
        }

        AddSource(result, "eng", "en-fortunes", english);
    }

    /// <summary>A folder's fortune files in ordinal order: not their indexes (<c>.dat</c>, <c>.u8</c>), not links.</summary>
    private static IEnumerable<string> FortuneFiles(string dir) =>
        Sorted(Directory.GetFiles(dir)).Where(f => Path.GetExtension(f) is not (".dat" or ".u8") && new FileInfo(f).LinkTarget is null);

    /// <summary>A fortune file's fortunes (separated by <c>%</c> lines), each cleaned as <see cref="Add"/> does.</summary>
    private static List<string> ReadFortunes(string file)
    {
        var strings = new List<string>();
        foreach (var fortune in File.ReadAllText(file, Encoding.UTF8).Split("\n%\n"))
        {
            Add(strings, fortune);
        }

        return strings;
    }

    /// <summary>
    /// The GNOME and MATE manuals, one source per locale; English from the originals (<c>C</c>). A sentence
    /// whose words are mostly the originals' (an original itself, or an older English wording) is dropped
    /// (not yet translated), and so is one that an earlier locale of the same language has (the
    /// regional Spanish manuals repeat the Spanish ones). A locale's manuals only add to a label that other
    /// sources have: one whose translators did little is mostly English, and would make a Latin-script label
    /// of a language written otherwise.
    /// </summary>
    private static void AddGnomeHelp(string root, LanguageLabels labels, Dictionary<string, List<IReadOnlyList<string>>> result)
    {
        var originals = GnomeHelp.Read(root, GnomeHelp.EnglishLocale).ToList();
        AddCleaned(result, "eng", "en-gnome-help", originals);
        var englishWords = originals.SelectMany(Vocabulary.Words).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var locale in GnomeHelp.Locales(root))
        {
            if (labels.FromLocale(locale) is not { } language)
            {
                continue;
            }

            if (!seen.TryGetValue(language, out var earlier))
            {
                seen[language] = earlier = new HashSet<string>(StringComparer.Ordinal);
            }

            var sentences = GnomeHelp.Read(root, locale)
                .Where(s => !Vocabulary.IsMostlyFrom(s, englishWords) && earlier.Add(s)).ToList();
            AddCleaned(result, language, locale, sentences, knownLabelsOnly: true);
        }
    }

    /// <summary>Whether a language (any script) already has catalog, help, fortune, story or MediaWiki text.</summary>
    private static bool HasText(Dictionary<string, List<IReadOnlyList<string>>> result, string language) =>
        result.Any(r => r.Key.StartsWith(language + "_", StringComparison.Ordinal) && r.Value.Any(s => s.Count > 0));

    private static void Add(List<string> strings, string raw)
    {
        if (raw.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return; // not UTF-8
        }

        if (CatalogText.Clean(raw) is { } s)
        {
            strings.Add(s);
        }
    }

    /// <summary>Adds a source of raw strings, each cleaned as <see cref="Add"/> does.</summary>
    private static void AddCleaned(Dictionary<string, List<IReadOnlyList<string>>> result, string language, string locale, IEnumerable<string> raw, bool knownLabelsOnly = false)
    {
        var strings = new List<string>();
        foreach (var s in raw)
        {
            Add(strings, s);
        }

        AddSource(result, language, locale, strings, knownLabelsOnly);
    }

    /// <summary>Adds a source of cleaned strings to the label of their dominant script (with <paramref name="knownLabelsOnly"/>: only when that label has a source already).</summary>
    private static void AddSource(Dictionary<string, List<IReadOnlyList<string>>> result, string language, string locale, List<string> strings, bool knownLabelsOnly = false)
    {
        if (strings.Count == 0)
        {
            return;
        }

        Span<int> counts = stackalloc int[ScriptDetector.ScriptCount];
        counts.Clear();
        foreach (var s in strings)
        {
            ScriptDetector.Count(s, counts);
        }

        var script = ScriptDetector.DominantByLetterCount(counts);
        if (script == ScriptDetector.Common)
        {
            return;
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var s in strings)
        {
            var detected = ScriptDetector.DetectByLetterCount(s);
            if ((detected == script || (script == "Jpan" && detected == "Hani")) && distinct.Add(s))
            {
                kept.Add(s);
            }
        }

        var labelScript = script == "Hani" ? LanguageLabels.HanScript(locale) : script;
        var label = $"{language}_{labelScript}";
        if (knownLabelsOnly && !result.ContainsKey(label))
        {
            return;
        }

        if (!result.TryGetValue(label, out var sources))
        {
            result[label] = sources = [];
        }

        sources.Add(kept);
    }

    private static string[] Sorted(string[] paths)
    {
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }
}
