using System.Text.Json;

namespace Corpus.Filters.Languages.Training;

/// <summary>
/// Maps the language codes the training sources use (gettext locales such as <c>pt_BR</c>,
/// <c>sr@latin</c>, <c>zh_TW</c>; UDHR's ISO 639-3 codes) to the model's ISO 639-3 language part,
/// the way the Qwen3 table spells it: macrolanguages become the individual language the Qwen3 table
/// and FLORES-200 use (<c>ar</c> to <c>arb</c>, <c>fa</c> to <c>pes</c>, <c>lv</c> to <c>lvs</c>, ...).
/// The script part comes from the text itself (<see cref="ScriptDetector"/>).
/// </summary>
internal sealed class LanguageLabels
{
    // Macrolanguage or retired code -> the individual language used in labels.
    private static readonly Dictionary<string, string> Individual = new(StringComparer.Ordinal)
    {
        ["ara"] = "arb", ["fas"] = "pes", ["est"] = "est", ["ekk"] = "est", ["lav"] = "lvs", ["msa"] = "zsm", ["zlm"] = "zsm",
        ["nep"] = "npi", ["swa"] = "swh", ["uzb"] = "uzn", ["aze"] = "azj", ["sqi"] = "als", ["mon"] = "khk",
        ["ori"] = "ory", ["orm"] = "gaz", ["yid"] = "ydd", ["cmn"] = "zho", ["nor"] = "nob", ["kur"] = "kmr",
        ["pus"] = "pbu", ["mlg"] = "plt", ["aka"] = "twi", ["src"] = "srd", ["srd"] = "srd", ["grn"] = "gug",
        ["que"] = "quz", ["kok"] = "gom", ["hbs"] = "hbs", ["zha"] = "zyb", ["kon"] = "kng", ["bik"] = "bcl",
        ["fil"] = "tgl", ["iku"] = "ike", ["ful"] = "fuf", ["mol"] = "ron", ["lah"] = "pnb",
    };

    // Locales whose region names a language of its own.
    private static readonly Dictionary<string, string> RegionalLanguages = new(StringComparer.Ordinal)
    {
        ["pa_PK"] = "pnb", // Panjabi of Pakistan, in Shahmukhi: Western Panjabi
        ["fa_AF"] = "prs", // Afghan Persian is Dari
    };

    // Locale languages left out: Moldavian in Cyrillic (too little text to stand apart). Variants left out
    // (the "@ije..." test below): KDE's and Wesnoth's ijekavian Serbian, the Bosnian and Croatian reflex,
    // neither standard Serbian nor either of them.
    private static readonly HashSet<string> NotLanguages = new(["mo"], StringComparer.Ordinal);

    private readonly Dictionary<string, string> _alpha2;
    private readonly HashSet<string> _alpha3;

    private LanguageLabels(Dictionary<string, string> alpha2, HashSet<string> alpha3)
    {
        _alpha2 = alpha2;
        _alpha3 = alpha3;
    }

    /// <summary>Loads the two-letter to three-letter table from iso-codes' <c>iso_639-3.json</c>.</summary>
    public static LanguageLabels Load(string iso6393Json)
    {
        using var stream = File.OpenRead(iso6393Json);
        using var doc = JsonDocument.Parse(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.RootElement.GetProperty("639-3").EnumerateArray())
        {
            if (e.TryGetProperty("alpha_3", out var a3))
            {
                codes.Add(a3.GetString()!);
                if (e.TryGetProperty("alpha_2", out var a2))
                {
                    map[a2.GetString()!] = a3.GetString()!;
                }
            }
        }

        return new LanguageLabels(map, codes);
    }

    /// <summary>The label language of an ISO 639-3 code (macrolanguages resolved).</summary>
    public static string FromIso6393(string code) => Individual.TryGetValue(code, out var v) ? v : code;

    /// <summary>
    /// The label language of a gettext or LibreOffice locale (<c>de</c>, <c>pt_BR</c>,
    /// <c>sr@latin</c>, <c>pa_IN</c>, <c>ca@valencia</c>), or null when it is not a language
    /// (<c>common</c>, <c>en</c> variants) or unknown.
    /// </summary>
    public string? FromLocale(string locale)
    {
        var at = locale.IndexOf('@', StringComparison.Ordinal);
        var bare = at < 0 ? locale : locale[..at];
        var parts = bare.Split('_', '-');
        var lang = parts[0];
        var region = parts.Length > 1 ? parts[1] : string.Empty;
        if (lang == "en" || lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)
            || NotLanguages.Contains(lang) || (at >= 0 && locale.AsSpan(at + 1).StartsWith("ije", StringComparison.Ordinal)))
        {
            return null;
        }

        if (RegionalLanguages.TryGetValue($"{lang}_{region}", out var regional))
        {
            return regional;
        }

        var iso3 = lang.Length == 3 ? lang : _alpha2.GetValueOrDefault(lang);
        return iso3 is null ? null : FromIso6393(iso3);
    }

    /// <summary>Whether an ISO 639-3 code is one (collective codes such as <c>roa</c> and private ones such as <c>qqq</c> are not).</summary>
    public bool IsIso6393(string code) => _alpha3.Contains(code);

    /// <summary>Whether a <c>language_REGION</c> locale's region names a language of its own (<c>fa_AF</c>: Dari).</summary>
    public static bool IsRegionalLanguage(string locale) => RegionalLanguages.ContainsKey(locale);

    /// <summary>Han-script text's label script: traditional for Taiwan, Hong Kong and Macau locales, simplified otherwise.</summary>
    public static string HanScript(string sourceHint) =>
        sourceHint.Contains("hant", StringComparison.OrdinalIgnoreCase) || sourceHint.Contains("TW", StringComparison.Ordinal)
        || sourceHint.Contains("HK", StringComparison.Ordinal) || sourceHint.Contains("MO", StringComparison.Ordinal)
        || sourceHint.StartsWith("yue", StringComparison.Ordinal) ? "Hant" : "Hans";
}
