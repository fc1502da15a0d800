using System.Text.Json;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Reads the translated display strings of the Unicode CLDR (npm packages <c>cldr-localenames-full</c>,
/// <c>cldr-dates-full</c>, <c>cldr-units-full</c>, as installed below a <c>node_modules</c> folder): names of
/// languages, scripts and territories, months and weekdays, relative dates, time-zone and city names,
/// units. Little running text, but the only free text in the registries for a few languages (Anii,
/// Kaingang, Kuvi, Kangri; Bashkir and Sicilian until MediaWiki's messages came). Per locale folder the strings that differ from English's at the same place
/// (and, for a regional locale such as <c>fa-AF</c>, from its language's); format patterns (date skeletons, interval and hour formats) and exemplar characters are not
/// language and are skipped.
/// </summary>
internal static class CldrStrings
{
    /// <summary>The packages read and, per package, the files of each locale folder (others are left out).</summary>
    private static readonly (string Package, string[] Files)[] Packages =
    [
        ("cldr-localenames-full", ["languages.json", "localeDisplayNames.json", "scripts.json", "territories.json", "variants.json"]),
        ("cldr-dates-full", ["ca-gregorian.json", "dateFields.json", "timeZoneNames.json"]),
        ("cldr-units-full", ["units.json"]),
    ];

    /// <summary>Objects whose strings are format patterns or metadata, not words of the language.</summary>
    private static readonly HashSet<string> SkippedKeys = new(
        ["identity", "dateFormats", "timeFormats", "dateTimeFormats", "dateTimeFormats-atTime", "availableFormats", "appendItems",
         "intervalFormats", "dateSkeletons", "timeSkeletons", "hourFormat", "gmtFormat", "gmtZeroFormat", "gmtUnknownFormat"],
        StringComparer.Ordinal);

    private const string English = "en";

    /// <summary>
    /// Script variants read besides the bare languages: the second script of a language the labels already
    /// know in it. Others are left out: a default script spelled out (<c>sr-Cyrl</c>, <c>zh-Hans</c>) repeats
    /// the bare folder, and the rest would start labels of their own from names alone (romanized Hindi
    /// <c>hi-Latn</c>, pinyin <c>zh-Latn</c>, Jawi <c>ms-Arab</c>) or name another language (<c>az-Arab</c> is
    /// South Azerbaijani, <c>pa-Arab</c> Western Panjabi).
    /// </summary>
    private static readonly HashSet<string> ScriptVariants = new(["sr-Latn", "zh-Hant", "az-Cyrl", "uz-Cyrl"], StringComparer.Ordinal);

    /// <summary>
    /// Per locale folder (ordinal order) its strings, in file order: every folder named by a bare language
    /// (<c>ba</c>; not <c>und</c>, the root), a script variant of <see cref="ScriptVariants"/>, or a
    /// language and a region that <paramref name="regional"/> says names a language of its own
    /// (<c>fa-AF</c>); regional variants of a language (<c>de-AT</c>) repeat it and are left out. Only
    /// folders <paramref name="needed"/> accepts are read.
    /// </summary>
    public static IEnumerable<(string Locale, List<string> Strings)> Read(string nodeModules, Func<string, bool> regional, Func<string, bool> needed)
    {
        ArgumentNullException.ThrowIfNull(regional);
        ArgumentNullException.ThrowIfNull(needed);
        var first = Path.Combine(nodeModules, Packages[0].Package, "main");
        if (!Directory.Exists(first))
        {
            throw new DirectoryNotFoundException($"'{first}' is missing: install the npm package {Packages[0].Package} below '{nodeModules}' (scripts/build-lid-model.sh does)");
        }

        var english = Strings(nodeModules, English);

        var locales = Directory.GetDirectories(first).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(locales, StringComparer.Ordinal);
        foreach (var locale in locales)
        {
            if (locale == English || !Wanted(locale, regional) || !needed(locale))
            {
                continue;
            }

            // A regional locale (fa-AF) inherits most strings from its language's (fa): only those it changes are its own.
            var parent = locale.Split('-') is [var language, { Length: 2 }] ? Strings(nodeModules, language) : null;
            var strings = new List<string>();
            foreach (var (package, file, path) in Files(nodeModules, locale))
            {
                Collect(path, package + "/" + file, (key, value) =>
                {
                    if (!Same(english, key, value) && (parent is null || !Same(parent, key, value)))
                    {
                        strings.Add(value);
                    }
                });
            }

            yield return (locale, strings);
        }
    }

    private static Dictionary<string, string> Strings(string nodeModules, string locale)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (package, file, path) in Files(nodeModules, locale))
        {
            Collect(path, package + "/" + file, (key, value) => strings[key] = value);
        }

        return strings;
    }

    private static bool Same(Dictionary<string, string> reference, string key, string value) =>
        reference.TryGetValue(key, out var r) && string.Equals(r, value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a CLDR locale folder is read (see <see cref="Read"/>).</summary>
    internal static bool Wanted(string locale, Func<string, bool> regional)
    {
        var parts = locale.Split('-');
        return parts.Length switch
        {
            1 => locale != "und",
            2 when parts[1].Length == 4 => ScriptVariants.Contains(locale),
            2 => regional($"{parts[0]}_{parts[1]}"),
            _ => false,
        };
    }

    private static IEnumerable<(string Package, string File, string Path)> Files(string nodeModules, string locale)
    {
        foreach (var (package, files) in Packages)
        {
            foreach (var file in files)
            {
                var path = Path.Combine(nodeModules, package, "main", locale, file);
                if (File.Exists(path))
                {
                    yield return (package, file, path);
                }
            }
        }
    }

    /// <summary>Every string leaf of a CLDR JSON file with its key path below the locale object.</summary>
    private static void Collect(string path, string prefix, Action<string, string> add)
    {
        using var stream = File.OpenRead(path);
        using var doc = Parse(stream, path);
        if (!doc.RootElement.TryGetProperty("main", out var main))
        {
            throw new InvalidDataException($"'{path}' is not a CLDR JSON file (no 'main' object)");
        }

        foreach (var locale in main.EnumerateObject())
        {
            Walk(locale.Value, prefix, add);
        }
    }

    private static JsonDocument Parse(Stream stream, string path)
    {
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    private static void Walk(JsonElement element, string key, Action<string, string> add)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (!SkippedKeys.Contains(p.Name))
                    {
                        Walk(p.Value, key + "/" + p.Name, add);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{key}/{i++}", add);
                }

                break;
            case JsonValueKind.String:
                add(key, element.GetString()!);
                break;
        }
    }
}
