namespace Corpus.Filters.Languages.Training;

/// <summary>How the language-ID training file is assembled (see docs/language-id.md).</summary>
public sealed record LidTrainingOptions
{
    /// <summary>The folder the Debian packages are unpacked into (<c>dpkg-deb -x</c>), e.g. <c>.cache/lid/packages</c>.</summary>
    public required string PackageRoot { get; init; }

    /// <summary>
    /// A <c>node_modules</c> folder holding the npm packages <c>cldr-localenames-full</c>, <c>cldr-dates-full</c>
    /// and <c>cldr-units-full</c>, whose display strings are the text of languages that have no other
    /// (no catalog, help page, fortune, story, MediaWiki message or UDHR translation); null: not used.
    /// </summary>
    public string? CldrRoot { get; init; }

    /// <summary>Seed of every shuffle and sample.</summary>
    public int Seed { get; init; }

    /// <summary>At most this many catalog, help, fortune and game lines per Qwen3 language (the cap for large languages).</summary>
    public int MaxCatalogLines { get; init; } = 80000;

    /// <summary>
    /// The same cap for labels outside the Qwen3 table (<see cref="Qwen3Languages"/>): with the full cap a
    /// minority language written much like a Qwen3 one (Crimean Tatar and Turkish, Latin Serbian and
    /// Bosnian) learns the shared news vocabulary from its catalogs and takes that language's lines.
    /// </summary>
    public int MaxOtherCatalogLines { get; init; } = 4000;

    /// <summary>UDHR passages are repeated until a label has about this many of them ...</summary>
    public int TargetUdhrLines { get; init; } = 4000;

    /// <summary>... but each passage at most this many times.</summary>
    public int MaxUdhrRepeat { get; init; } = 15;

    /// <summary>
    /// Labels left out: languages outside the Qwen3 table whose UDHR text is a near copy of a Qwen3
    /// language's (Montenegrin of Bosnian, Bosnian in Cyrillic of Serbian, the Chinese varieties'
    /// translations of Mandarin), so they could only take that language's paragraphs.
    /// </summary>
    public IReadOnlySet<string> ExcludedLabels { get; init; } = new HashSet<string>(
        ["cnr_Latn", "bos_Cyrl", "cjy_Hans", "gan_Hans", "hak_Hans", "hsn_Hans", "nan_Hans", "wuu_Hans"], StringComparer.Ordinal);

    /// <summary>
    /// Machine translations whose output is training text of a close language that has too little of its own:
    /// by default Apertium's Indonesian→Malay pair (apertium-ind-zlm) turns Indonesian help pages and catalogs
    /// into Malay, which the model otherwise knew only from software strings and took Malaysian news for
    /// Indonesian (docs/language-id.md). A translation whose translator is not there is skipped and reported.
    /// </summary>
    public IReadOnlyList<LidTranslation> Translations { get; init; } = [new("ind_Latn", "zsm_Latn", "ind-zlm")];

    /// <summary>
    /// Word-frequency lists that lines of a thin language are sampled from: by default the Cantonese one of
    /// the Rime input method (rime-data-jyut6ping3's <c>essay-cantonese.txt</c>); Cantonese news was read as
    /// written Mandarin (docs/language-id.md). A list not in the package folder is skipped and reported.
    /// </summary>
    public IReadOnlyList<LidWordList> WordLists { get; init; } = [new("usr/share/rime-data/essay-cantonese.txt", "yue_Hant", "")];

    /// <summary>Lines sampled from each word list, of half the catalog lines' lengths (Han text says in 10 characters what Latin text says in 20).</summary>
    public int WordListLines { get; init; } = 5000;

    /// <summary>UDHR paragraphs are joined into training passages of at least this many characters ...</summary>
    public int UdhrMinPassageLength { get; init; } = 20;

    /// <summary>... and cut at spaces into passages of at most this many.</summary>
    public int UdhrMaxPassageLength { get; init; } = 100;

    /// <summary>A label with fewer lines than this (repeats counted) is left out.</summary>
    public int MinLines { get; init; } = 100;

    /// <summary>Catalog strings are joined into lines of at least this many characters ...</summary>
    public int MinLineLength { get; init; } = 20;

    /// <summary>... and at most this many.</summary>
    public int MaxLineLength { get; init; } = 100;
}
