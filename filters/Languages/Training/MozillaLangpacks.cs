using System.IO.Compression;
using System.Text;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads the language packs of Firefox ESR and Thunderbird as Debian's <c>firefox-esr-l10n-*</c> and
/// <c>thunderbird-l10n-*</c> packages ship them (<c>langpack-LOCALE@APP.mozilla.org.xpi</c>, zip archives):
/// the values of their Fluent (<see cref="FluentText"/>), <c>.properties</c> (<see cref="PropertiesText"/>)
/// and <c>.dtd</c> (<see cref="DtdText"/>) files, over a hundred locales with whole sentences of settings,
/// warnings and error pages. A language pack carries the strings its translators have not done yet in
/// English: a value that an English pack (<c>en-*</c>) of the same application has too is dropped, and the
/// English packs are not read as text. Applications, packs and archive entries are read in ordinal order.
/// </summary>
internal static class MozillaLangpacks
{
    /// <summary>Where each application's packs lie, relative to the package root.</summary>
    public static readonly IReadOnlyList<string> Dirs = ["usr/lib/firefox-esr/browser/extensions", "usr/lib/thunderbird/extensions"];

    private const string Prefix = "langpack-";

    /// <summary>One source per application and non-English locale: the pack's translated strings, not yet cleaned.</summary>
    /// <exception cref="InvalidDataException">A pack is not a readable zip archive.</exception>
    public static IEnumerable<MozillaLangpack> Read(string root)
    {
        foreach (var dir in Dirs)
        {
            var full = Path.Combine(root, dir);
            if (!Directory.Exists(full))
            {
                continue;
            }

            var packs = Directory.GetFiles(full, Prefix + "*.xpi")
                .Select(path => (Path: path, Locale: LocaleOf(path)))
                .Where(p => p.Locale.Length > 0)
                .OrderBy(p => p.Path, StringComparer.Ordinal)
                .ToList();
            var english = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pack in packs.Where(p => IsEnglish(p.Locale)))
            {
                english.UnionWith(Strings(pack.Path));
            }

            foreach (var pack in packs.Where(p => !IsEnglish(p.Locale)))
            {
                var application = Path.GetFileName(pack.Path)[(Prefix.Length + pack.Locale.Length + 1)..].Split('.')[0];
                yield return new MozillaLangpack(application, pack.Locale, Strings(pack.Path).Where(s => !english.Contains(s)).ToList());
            }
        }
    }

    /// <summary>The values of every localization file in a pack, entries in ordinal order.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable zip archive.</exception>
    public static IEnumerable<string> Strings(string xpi)
    {
        List<string> result = [];
        try
        {
            using var zip = ZipFile.OpenRead(xpi);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var extension = Path.GetExtension(entry.FullName);
                if (extension is not (".ftl" or ".properties" or ".dtd"))
                {
                    continue;
                }

                string text;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    text = reader.ReadToEnd();
                }

                result.AddRange(extension switch
                {
                    ".ftl" => FluentText.Strings(text),
                    ".properties" => PropertiesText.Strings(text),
                    _ => DtdText.Strings(text),
                });
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{xpi}' is not a readable language pack (zip archive): {e.Message}", e);
        }

        return result;
    }

    // "langpack-pt-BR@firefox-esr.mozilla.org.xpi" -> "pt-BR"; empty when the name has no '@'.
    private static string LocaleOf(string path)
    {
        var name = Path.GetFileName(path);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at > Prefix.Length ? name[Prefix.Length..at] : string.Empty;
    }

    private static bool IsEnglish(string locale) => locale == "en" || locale.StartsWith("en-", StringComparison.Ordinal);
}
