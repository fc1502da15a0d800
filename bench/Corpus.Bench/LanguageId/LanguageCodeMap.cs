namespace Corpus.Bench.LanguageId;

/// <summary>One row of a code table: what <paramref name="Code"/> means, and why where that is not plain ISO.</summary>
internal sealed record CodeMapping(string Code, string Language, string? Script = null, string? Why = null);

/// <summary>
/// Every tool's and data set's language codes, mapped to corpus's <c>xxx_Scrp</c> (the FLORES-200 style:
/// an individual ISO 639-3 language and an ISO 15924 script). Three steps: a tool's own code to ISO 639-3
/// (CLD3's ISO 639-1, NTREX's file names); ISO 639-3 to the individual language corpus labels
/// (macrolanguages resolved); then the script, which is the tool's when it names one, else the line's own
/// when the language is written in it, else the language's usual script. Self-checking: a CLD3 code or a
/// macrolanguage without a row here, or a script name franc invents later, throws rather than scoring
/// a guess.
/// </summary>
internal static class LanguageCodeMap
{
    /// <summary>ISO 639-3 codes (UDHR's, NTREX's, franc's, Lingua's, CLD3's after the table below) whose label differs from the code.</summary>
    private static readonly CodeMapping[] Iso6393 =
    [
        new("cmn", "zho", Why: "Mandarin: FLORES-200 and Qwen3 label written Chinese zho_Hans / zho_Hant; the script comes from the text"),
        new("zho", "zho", Why: "Chinese (macrolanguage) is corpus's own code for written Chinese"),
        new("ara", "arb", Why: "Arabic (macro, Lingua's and CLD3's) -> Modern Standard Arabic; the dialects (arz, ary, ...) have their own codes"),
        new("fas", "pes", Why: "Persian (macro, CLD3 fa, Lingua, NTREX fas) -> Iranian Persian; Dari (prs) is labelled apart, as FLORES does"),
        new("msa", "zsm", Why: "Malay (macro, CLD3 ms, Lingua, NTREX msa) -> Standard Malay, FLORES's zsm_Latn"),
        new("zlm", "zsm", Why: "franc and UDHR use zlm (Malay, individual code) for the same standard written Malay"),
        new("nor", "nob", Why: "Norwegian (macro, CLD3 no) -> Bokmål, the written standard of most Norwegian text; Nynorsk (nno) stays apart"),
        new("lav", "lvs", Why: "Latvian (macro) -> Standard Latvian, the code FLORES and Qwen3 use"),
        new("nep", "npi", Why: "Nepali (macro) -> Nepali (individual), FLORES's npi_Deva"),
        new("ekk", "est", Why: "Standard Estonian: FLORES and Qwen3 label it with the macro code est_Latn, franc and UDHR with ekk"),
        new("est", "est", Why: "Estonian (macro) is the label FLORES and Qwen3 use"),
        new("sqi", "als", Why: "Albanian (macro, CLD3 sq, Lingua, NTREX sqi) -> Tosk Albanian, the standard language, FLORES's als_Latn"),
        new("uzb", "uzn", Why: "Uzbek (macro) -> Northern Uzbek, FLORES's uzn"),
        new("aze", "azj", Why: "Azerbaijani (macro, CLD3 az, Lingua) -> North Azerbaijani (Latin script); South Azerbaijani (azb, Arabic script) stays apart"),
        new("swa", "swh", Why: "Swahili (macro) -> Swahili (individual), FLORES's swh_Latn"),
        new("ori", "ory", Why: "Oriya (macro) -> Odia (individual), FLORES's ory_Orya"),
        new("yid", "ydd", Why: "Yiddish (macro, CLD3 yi) -> Eastern Yiddish, FLORES's ydd_Hebr"),
        new("mlg", "plt", Why: "Malagasy (macro, CLD3 mg, NTREX mlg) -> Plateau Malagasy, the standard, FLORES's plt_Latn"),
        new("kur", "kmr", Why: "Kurdish (macro, CLD3 ku) -> Northern Kurdish (Kurmanji, Latin script), what CLD3 was trained on; Central Kurdish (ckb) stays apart"),
        new("mon", "khk", Why: "Mongolian (macro, CLD3 mn, Lingua, NTREX mon) -> Halh Mongolian, FLORES's khk_Cyrl"),
        new("pus", "pbt", Why: "Pashto (macro, CLD3 ps, NTREX pus) -> Southern Pashto, FLORES's pbt_Arab"),
        new("pbu", "pbt", Why: "franc's only Pashto is Northern Pashto; written Pashto is one standard, labelled pbt_Arab in FLORES"),
        new("orm", "gaz", Why: "Oromo (macro, Lingua, NTREX orm) -> West Central Oromo, FLORES's gaz_Latn"),
        new("srd", "srd", Why: "Sardinian (macro) is the label Qwen3 uses"),
        new("src", "srd", Why: "Logudorese Sardinian (UDHR, franc) -> Sardinian, Qwen3's srd_Latn"),
        new("sro", "srd", Why: "Campidanese Sardinian -> Sardinian, Qwen3's srd_Latn"),
        new("fil", "tgl", Why: "Filipino (CLD3 fil, NTREX fil) is standardised Tagalog; FLORES and Qwen3 label it tgl_Latn"),
        new("grn", "gug", Why: "Guarani (macro) -> Paraguayan Guarani, FLORES's gug_Latn"),
        new("hbs", "hbs", Why: "Serbo-Croatian (macro): kept; a text labelled so cannot be told apart as hrv, srp or bos"),
        new("hmn", "hmn", Why: "Hmong (macro, CLD3 hmn, NTREX hmn): kept; neither FLORES nor Qwen3 has an individual Hmong"),
        new("que", "que", Why: "Quechua (macro, franc que): kept; the individual varieties franc knows keep their codes"),
        new("aka", "aka", Why: "Akan (macro): kept, FLORES's aka_Latn; Twi (twi) keeps its own code"),
        new("kon", "kon", Why: "Kongo (macro): kept, FLORES's kon_Latn"),
        new("ful", "ful", Why: "Fulah (macro): kept; the individual varieties (fuv, fuf, fuc) keep their codes"),
        new("iku", "iku", Why: "Inuktitut (macro): kept; franc's ike keeps its own code"),
        new("oji", "oji", Why: "Ojibwa (macro): kept; franc's ojb keeps its own code"),
        new("kau", "kau", Why: "Kanuri (macro): kept; franc's knc keeps its own code"),
        new("zha", "zha", Why: "Zhuang (macro): kept; franc's zyb keeps its own code"),
    ];

    /// <summary>
    /// ISO 639-3 macrolanguages (SIL's list, those a language-ID data set is likely to name): a code here
    /// that has no row in <see cref="Iso6393"/> is an error, not an identity mapping.
    /// </summary>
    private static readonly HashSet<string> Macrolanguages =
    [
        "aka", "ara", "aym", "aze", "bal", "bik", "bnc", "bua", "chm", "cre", "del", "den", "din", "doi", "est", "fas",
        "ful", "gba", "gon", "grb", "grn", "hai", "hbs", "hmn", "iku", "ipk", "jrb", "kau", "kln", "kok", "kom", "kon",
        "kpe", "kur", "lah", "lav", "luy", "man", "mlg", "mon", "msa", "mwr", "nep", "nor", "oji", "ori", "orm", "pus",
        "que", "raj", "rom", "sqi", "srd", "swa", "syr", "tmh", "uzb", "yid", "zap", "zha", "zho",
    ];

    /// <summary>CLD3's codes (ISO 639-1, a few BCP-47 tags with a script, a few ISO 639-2/3) -> ISO 639-3.</summary>
    private static readonly CodeMapping[] Cld3 =
    [
        new("af", "afr"), new("am", "amh"), new("ar", "ara"), new("az", "aze"), new("be", "bel"), new("bg", "bul"),
        new("bn", "ben"), new("bs", "bos"), new("ca", "cat"), new("co", "cos"), new("cs", "ces"), new("cy", "cym"),
        new("da", "dan"), new("de", "deu"), new("el", "ell"), new("en", "eng"), new("eo", "epo"), new("es", "spa"),
        new("et", "est"), new("eu", "eus"), new("fa", "fas"), new("fi", "fin"), new("fr", "fra"), new("fy", "fry"),
        new("ga", "gle"), new("gd", "gla"), new("gl", "glg"), new("gu", "guj"), new("ha", "hau"), new("hi", "hin"),
        new("hr", "hrv"), new("ht", "hat"), new("hu", "hun"), new("hy", "hye"), new("id", "ind"), new("ig", "ibo"),
        new("is", "isl"), new("it", "ita"), new("ja", "jpn"), new("jv", "jav"), new("ka", "kat"), new("kk", "kaz"),
        new("km", "khm"), new("kn", "kan"), new("ko", "kor"), new("ku", "kur"), new("ky", "kir"), new("la", "lat"),
        new("lb", "ltz"), new("lo", "lao"), new("lt", "lit"), new("lv", "lav"), new("mg", "mlg"), new("mi", "mri"),
        new("mk", "mkd"), new("ml", "mal"), new("mn", "mon"), new("mr", "mar"), new("ms", "msa"), new("mt", "mlt"),
        new("my", "mya"), new("ne", "nep"), new("nl", "nld"), new("no", "nor"), new("ny", "nya"), new("pa", "pan"),
        new("pl", "pol"), new("ps", "pus"), new("pt", "por"), new("ro", "ron"), new("ru", "rus"), new("sd", "snd"),
        new("si", "sin"), new("sk", "slk"), new("sl", "slv"), new("sm", "smo"), new("sn", "sna"), new("so", "som"),
        new("sq", "sqi"), new("sr", "srp"), new("st", "sot"), new("su", "sun"), new("sv", "swe"), new("sw", "swa"),
        new("ta", "tam"), new("te", "tel"), new("tg", "tgk"), new("th", "tha"), new("tr", "tur"), new("uk", "ukr"),
        new("ur", "urd"), new("uz", "uzb"), new("vi", "vie"), new("xh", "xho"), new("yi", "yid"), new("yo", "yor"),
        new("zh", "zho"), new("zu", "zul"),
        new("iw", "heb", Why: "CLD3 still emits the withdrawn ISO 639-1 code for Hebrew (now he)"),
        new("fil", "fil", Why: "CLD3 names Filipino with its ISO 639-2 code (-> tgl below)"),
        new("haw", "haw", Why: "Hawaiian has no ISO 639-1 code; CLD3 uses ISO 639-2"),
        new("ceb", "ceb", Why: "Cebuano has no ISO 639-1 code; CLD3 uses ISO 639-2"),
        new("hmn", "hmn", Why: "Hmong has no ISO 639-1 code; CLD3 uses ISO 639-2"),
        new("zh-Latn", "zho", "Latn", "romanised Chinese (pinyin): CLD3 tells it apart from Han text"),
        new("ja-Latn", "jpn", "Latn", "romanised Japanese (romaji)"),
        new("ru-Latn", "rus", "Latn", "romanised Russian"),
        new("bg-Latn", "bul", "Latn", "romanised Bulgarian"),
        new("el-Latn", "ell", "Latn", "romanised Greek (Greeklish)"),
        new("hi-Latn", "hin", "Latn", "romanised Hindi"),
    ];

    /// <summary>NTREX-128 file codes that are not "ISO 639-3, optionally -Script or -REGION".</summary>
    private static readonly CodeMapping[] Ntrex =
    [
        new("zho-CN", "zho", "Hans", "the mainland (simplified) Chinese reference"),
        new("zho-TW", "zho", "Hant", "the Taiwan (traditional) Chinese reference"),
        new("spa-ref2", "spa", Why: "a second Spanish reference translation of the same English lines: more Spanish lines"),
    ];

    /// <summary>
    /// The scripts a bare language code stands for (the first: the one assumed when a line is in none of
    /// them), for tools that give no script (CLD3, Lingua, fastText models labelled without one). Latn
    /// when a language has no row.
    /// </summary>
    private static readonly (string Language, string[] Scripts, string? Why)[] ScriptsOfLanguage =
    [
        ("zho", ["Hans", "Hant"], "written Chinese in either form; the line's own form decides"),
        ("yue", ["Hant", "Hans"], "Cantonese is written mostly in traditional characters (Hong Kong), FLORES's yue_Hant"),
        ("jpn", ["Jpan"], null), ("kor", ["Hang"], null),
        ("srp", ["Cyrl"], "CLD3 and Lingua name no romanised Serbian: a bare Serbian code is taken to mean Cyrillic, Qwen3's srp_Cyrl"),
        ("bel", ["Cyrl"], null), ("bul", ["Cyrl"], null), ("rus", ["Cyrl"], null), ("ukr", ["Cyrl"], null), ("mkd", ["Cyrl"], null),
        ("kaz", ["Cyrl"], null), ("kir", ["Cyrl"], null), ("tgk", ["Cyrl"], null), ("tat", ["Cyrl"], null), ("bak", ["Cyrl"], null),
        ("khk", ["Cyrl"], "Mongolian as written in Mongolia (the traditional script is Mong)"),
        ("arb", ["Arab"], null), ("ars", ["Arab"], null), ("apc", ["Arab"], null), ("arz", ["Arab"], null), ("ary", ["Arab"], null),
        ("acm", ["Arab"], null), ("acq", ["Arab"], null), ("aeb", ["Arab"], null), ("pes", ["Arab"], null), ("prs", ["Arab"], null), ("urd", ["Arab"], null), ("snd", ["Arab"], null),
        ("pbt", ["Arab"], null), ("ckb", ["Arab"], null), ("azb", ["Arab"], null), ("uig", ["Arab"], null),
        ("heb", ["Hebr"], null), ("ydd", ["Hebr"], null), ("ell", ["Grek"], null), ("hye", ["Armn"], null), ("kat", ["Geor"], null),
        ("amh", ["Ethi"], null), ("tir", ["Ethi"], null),
        ("hin", ["Deva"], null), ("mar", ["Deva"], null), ("npi", ["Deva"], null), ("mai", ["Deva"], null), ("bho", ["Deva"], null),
        ("mag", ["Deva"], null), ("awa", ["Deva"], null), ("hne", ["Deva"], null), ("san", ["Deva"], null),
        ("ben", ["Beng"], null), ("asm", ["Beng"], null), ("pan", ["Guru"], null), ("guj", ["Gujr"], null), ("ory", ["Orya"], null),
        ("tam", ["Taml"], null), ("tel", ["Telu"], null), ("kan", ["Knda"], null), ("mal", ["Mlym"], null), ("sin", ["Sinh"], null),
        ("tha", ["Thai"], null), ("lao", ["Laoo"], null), ("khm", ["Khmr"], null), ("mya", ["Mymr"], null),
        ("bod", ["Tibt"], null), ("dzo", ["Tibt"], null), ("div", ["Thaa"], null),
    ];

    /// <summary>franc's script names, and its languages told by their script alone (named by the language), -> ISO 15924.</summary>
    private static readonly Dictionary<string, string[]> FrancScripts = new(StringComparer.Ordinal)
    {
        ["Latin"] = ["Latn"], ["Cyrillic"] = ["Cyrl"], ["Arabic"] = ["Arab"], ["Devanagari"] = ["Deva"], ["Myanmar"] = ["Mymr"],
        ["Ethiopic"] = ["Ethi"], ["Tibetan"] = ["Tibt"], ["Hebrew"] = ["Hebr"], ["Canadian_Aboriginal"] = ["Cans"],
        ["cmn"] = ["Hans", "Hant"], // franc says cmn for any Han text, either form
        ["jpn"] = ["Jpan"], ["kor"] = ["Hang"], ["ben"] = ["Beng"], ["tel"] = ["Telu"], ["tam"] = ["Taml"], ["guj"] = ["Gujr"],
        ["kan"] = ["Knda"], ["mal"] = ["Mlym"], ["pan"] = ["Guru"], ["tha"] = ["Thai"], ["sin"] = ["Sinh"], ["ell"] = ["Grek"],
        ["khm"] = ["Khmr"], ["hye"] = ["Armn"], ["kat"] = ["Geor"], ["lao"] = ["Laoo"], ["div"] = ["Thaa"], ["chr"] = ["Cher"],
        ["jav"] = ["Java"], // franc's single-script jav is the Javanese script; Latin-script Javanese is in its Latin table
        ["sat"] = ["Olck"], // Santali in Ol Chiki
        ["zgh"] = ["Tfng"], // Standard Moroccan Tamazight in Tifinagh
        ["iii"] = ["Yiii"], ["vai"] = ["Vaii"],
        ["aii"] = ["Syrc"], // Assyrian Neo-Aramaic in Syriac script
        ["kkh"] = ["Lana"], // Khün in Tai Tham
        ["blt"] = ["Tavt"], // Tai Dam in Tai Viet
    };

    private static readonly Dictionary<string, CodeMapping> Iso6393ByCode = Index(Iso6393);
    private static readonly Dictionary<string, CodeMapping> Cld3ByCode = Index(Cld3);
    private static readonly Dictionary<string, CodeMapping> NtrexByCode = Index(Ntrex);
    private static readonly Dictionary<string, string[]> ScriptsByLanguage =
        ScriptsOfLanguage.ToDictionary(row => row.Language, row => row.Scripts, StringComparer.Ordinal);

    /// <summary>Every CLD3 code this table knows (to check CLD3's own list against).</summary>
    public static IEnumerable<string> Cld3Codes => Cld3.Select(row => row.Code);

    /// <summary>
    /// The language of a model's own <c>xxx_Scrp</c> label: mapped like <see cref="LanguageOfIso6393"/> where
    /// this table has a row, else the code as it is (a model that labels text <c>kom_Cyrl</c> or
    /// <c>aym_Latn</c> has already decided what the macrolanguage code means).
    /// </summary>
    public static string LanguageOfModelLabel(string code) =>
        Iso6393ByCode.TryGetValue(code, out var row) ? row.Language : code;

    /// <summary>The language corpus labels for an ISO 639-3 code (macrolanguages resolved).</summary>
    public static string LanguageOfIso6393(string code)
    {
        if (code.Length != 3 || !code.All(char.IsAsciiLetterLower))
        {
            throw new InvalidOperationException($"'{code}' is not an ISO 639-3 code");
        }

        if (Iso6393ByCode.TryGetValue(code, out var row))
        {
            return row.Language;
        }

        return Macrolanguages.Contains(code)
            ? throw new InvalidOperationException($"'{code}' is a macrolanguage with no row in LanguageCodeMap.Iso6393: decide which language it means")
            : code;
    }

    /// <summary>A CLD3 answer as (language, script or null).</summary>
    public static (string Language, string? Script) FromCld3(string code) =>
        Cld3ByCode.TryGetValue(code, out var row)
            ? (LanguageOfIso6393(row.Language), row.Script)
            : throw new InvalidOperationException($"CLD3 code '{code}' has no row in LanguageCodeMap.Cld3");

    /// <summary>An NTREX-128 file code as (language, script or null).</summary>
    public static (string Language, string? Script) FromNtrex(string code)
    {
        if (NtrexByCode.TryGetValue(code, out var row))
        {
            return (LanguageOfIso6393(row.Language), row.Script);
        }

        var parts = code.Split('-');
        return parts switch
        {
            [var language] => (LanguageOfIso6393(language), null),
            [var language, { Length: 4 } script] when char.IsAsciiLetterUpper(script[0]) => (LanguageOfIso6393(language), script),
            [var language, { Length: 2 } region] when region.All(char.IsAsciiLetterUpper) => (LanguageOfIso6393(language), null),
            _ => throw new InvalidOperationException($"NTREX code '{code}' has no row in LanguageCodeMap.Ntrex"),
        };
    }

    /// <summary>The scripts franc's script name (or single-script language) stands for.</summary>
    public static string[] FrancScriptsOf(string francScript) =>
        FrancScripts.TryGetValue(francScript, out var scripts)
            ? scripts
            : throw new InvalidOperationException($"franc script '{francScript}' has no row in LanguageCodeMap.FrancScripts");

    /// <summary>The scripts a bare language code stands for; the first is the usual one.</summary>
    public static string[] ScriptsOf(string language) => ScriptsByLanguage.TryGetValue(language, out var scripts) ? scripts : ["Latn"];

    /// <summary>
    /// Throws unless every one of <paramref name="labels"/> (the Qwen3 languages) is what its bare language
    /// code resolves to on a line in its script: otherwise a tool that names the language without a
    /// script could never be right on it.
    /// </summary>
    public static void CheckReachable(IEnumerable<string> labels)
    {
        var unreachable = labels.Where(label => !ScriptsOf(label[..label.IndexOf('_', StringComparison.Ordinal)]).Contains(label[(label.IndexOf('_', StringComparison.Ordinal) + 1)..])).ToList();
        if (unreachable.Count > 0)
        {
            throw new InvalidOperationException($"LanguageCodeMap.ScriptsOfLanguage has no row giving these labels' script: {string.Join(", ", unreachable)}");
        }
    }

    /// <summary>
    /// A label for a line: the tool's script when it gives one, else the line's own script when the
    /// language is written in it, else the language's usual script.
    /// </summary>
    public static string Label(string language, string? toolScript, IReadOnlyList<string> languageScripts, string lineScript)
    {
        var script = toolScript ?? (languageScripts.Contains(lineScript) ? lineScript : languageScripts[0]);
        return $"{language}_{script}";
    }

    /// <summary>Every <c>xxx_Scrp</c> label a language code with these scripts can produce.</summary>
    public static IEnumerable<string> Labels(string language, IEnumerable<string> scripts) => scripts.Select(script => $"{language}_{script}");

    private static Dictionary<string, CodeMapping> Index(CodeMapping[] rows)
    {
        var index = new Dictionary<string, CodeMapping>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!index.TryAdd(row.Code, row))
            {
                throw new InvalidOperationException($"code '{row.Code}' has two rows in LanguageCodeMap");
            }
        }

        return index;
    }
}
