namespace Corpus.Filters.Languages;

/// <summary>
/// ISO 639-1 two-letter codes to the ISO 639-3 code FLORES-200 and Qwen3 use for them, so models
/// labelled in two letters (fastText's lid.176: <c>__label__en</c>) map to <c>xxx_Scrp</c> codes.
/// A macrolanguage maps to the individual language FLORES-200 labels it by (<c>ar</c> → <c>arb</c>,
/// <c>fa</c> → <c>pes</c>, <c>ms</c> → <c>zsm</c>, <c>no</c> → <c>nob</c>, <c>zh</c> → <c>zho</c>, …).
/// </summary>
public static class Iso639
{
    private static readonly Dictionary<string, string> TwoToThree = new(StringComparer.Ordinal)
    {
        ["aa"] = "aar", ["ab"] = "abk", ["af"] = "afr", ["ak"] = "aka", ["am"] = "amh", ["an"] = "arg",
        ["ar"] = "arb", // macrolanguage: Standard Arabic
        ["as"] = "asm", ["av"] = "ava", ["ay"] = "ayr", ["az"] = "azj", ["ba"] = "bak", ["be"] = "bel",
        ["bg"] = "bul", ["bh"] = "bho", ["bi"] = "bis", ["bm"] = "bam", ["bn"] = "ben", ["bo"] = "bod",
        ["br"] = "bre", ["bs"] = "bos", ["ca"] = "cat", ["ce"] = "che", ["ch"] = "cha", ["co"] = "cos",
        ["cr"] = "cre", ["cs"] = "ces", ["cu"] = "chu", ["cv"] = "chv", ["cy"] = "cym", ["da"] = "dan",
        ["de"] = "deu", ["dv"] = "div", ["dz"] = "dzo", ["ee"] = "ewe", ["el"] = "ell", ["en"] = "eng",
        ["eo"] = "epo", ["es"] = "spa", ["et"] = "est", ["eu"] = "eus",
        ["fa"] = "pes", // macrolanguage: Iranian Persian (Dari is prs)
        ["ff"] = "fuv", ["fi"] = "fin", ["fj"] = "fij", ["fo"] = "fao", ["fr"] = "fra", ["fy"] = "fry",
        ["ga"] = "gle", ["gd"] = "gla", ["gl"] = "glg", ["gn"] = "gug", ["gu"] = "guj", ["gv"] = "glv",
        ["ha"] = "hau", ["he"] = "heb", ["hi"] = "hin", ["ho"] = "hmo", ["hr"] = "hrv", ["ht"] = "hat",
        ["hu"] = "hun", ["hy"] = "hye", ["hz"] = "her", ["ia"] = "ina", ["id"] = "ind", ["ie"] = "ile",
        ["ig"] = "ibo", ["ii"] = "iii", ["ik"] = "ipk", ["io"] = "ido", ["is"] = "isl", ["it"] = "ita",
        ["iu"] = "ike", ["ja"] = "jpn", ["jv"] = "jav", ["ka"] = "kat", ["kg"] = "kon", ["ki"] = "kik",
        ["kj"] = "kua", ["kk"] = "kaz", ["kl"] = "kal", ["km"] = "khm", ["kn"] = "kan", ["ko"] = "kor",
        ["kr"] = "knc", ["ks"] = "kas", ["ku"] = "kmr", ["kv"] = "kpv", ["kw"] = "cor", ["ky"] = "kir",
        ["la"] = "lat", ["lb"] = "ltz", ["lg"] = "lug", ["li"] = "lim", ["ln"] = "lin", ["lo"] = "lao",
        ["lt"] = "lit", ["lu"] = "lub", ["lv"] = "lvs", ["mg"] = "plt", ["mh"] = "mah", ["mi"] = "mri",
        ["mk"] = "mkd", ["ml"] = "mal", ["mn"] = "khk", ["mr"] = "mar",
        ["ms"] = "zsm", // macrolanguage: Standard Malay
        ["mt"] = "mlt", ["my"] = "mya", ["na"] = "nau", ["nb"] = "nob", ["nd"] = "nde", ["ne"] = "npi",
        ["ng"] = "ndo", ["nl"] = "nld", ["nn"] = "nno",
        ["no"] = "nob", // macrolanguage: Bokmål
        ["nr"] = "nbl", ["nv"] = "nav", ["ny"] = "nya", ["oc"] = "oci", ["oj"] = "ojb", ["om"] = "gaz",
        ["or"] = "ory", ["os"] = "oss", ["pa"] = "pan", ["pi"] = "pli", ["pl"] = "pol", ["ps"] = "pbt",
        ["pt"] = "por", ["qu"] = "quy", ["rm"] = "roh", ["rn"] = "run", ["ro"] = "ron", ["ru"] = "rus",
        ["rw"] = "kin", ["sa"] = "san", ["sc"] = "srd", ["sd"] = "snd", ["se"] = "sme", ["sg"] = "sag",
        ["sh"] = "hbs", ["si"] = "sin", ["sk"] = "slk", ["sl"] = "slv", ["sm"] = "smo", ["sn"] = "sna",
        ["so"] = "som", ["sq"] = "als", ["sr"] = "srp", ["ss"] = "ssw", ["st"] = "sot", ["su"] = "sun",
        ["sv"] = "swe", ["sw"] = "swh", ["ta"] = "tam", ["te"] = "tel", ["tg"] = "tgk", ["th"] = "tha",
        ["ti"] = "tir", ["tk"] = "tuk", ["tl"] = "tgl", ["tn"] = "tsn", ["to"] = "ton", ["tr"] = "tur",
        ["ts"] = "tso", ["tt"] = "tat", ["tw"] = "twi", ["ty"] = "tah", ["ug"] = "uig", ["uk"] = "ukr",
        ["ur"] = "urd", ["uz"] = "uzn", ["ve"] = "ven", ["vi"] = "vie", ["vo"] = "vol", ["wa"] = "wln",
        ["wo"] = "wol", ["xh"] = "xho", ["yi"] = "ydd", ["yo"] = "yor", ["za"] = "zha", ["zh"] = "zho",
        ["zu"] = "zul",
    };

    /// <summary>
    /// The ISO 639-3 code of a bare language label: a two-letter code through the table, a
    /// three-letter lower-case code as it is; false for anything else.
    /// </summary>
    public static bool TryToIso6393(string label, out string iso6393)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (TwoToThree.TryGetValue(label, out var mapped))
        {
            iso6393 = mapped;
            return true;
        }

        if (label.Length == 3 && label.All(c => c is >= 'a' and <= 'z'))
        {
            iso6393 = label;
            return true;
        }

        iso6393 = string.Empty;
        return false;
    }
}
