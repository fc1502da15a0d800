namespace Corpus.Filters.Quality;

/// <summary>Everything <see cref="QualityFilter"/> checks; the defaults are datatrove's. A rule group set to null is off.</summary>
public sealed record QualityOptions
{
    /// <summary>Gopher quality rules.</summary>
    public GopherQualityOptions? Gopher { get; init; } = new();

    /// <summary>Gopher repetition rules.</summary>
    public GopherRepetitionOptions? Repetition { get; init; } = new();

    /// <summary>C4 line and document rules.</summary>
    public C4Options? C4 { get; init; } = new();

    /// <summary>FineWeb's rules.</summary>
    public FineWebOptions? FineWeb { get; init; } = new();

    /// <summary>The URL filter.</summary>
    public UrlFilterOptions? Urls { get; init; } = new();

    /// <summary>
    /// Take stop words, mean-word-length bounds and the minimum word count from the shipped per-language table
    /// (English: datatrove's values) instead of <see cref="Gopher"/>'s.
    /// </summary>
    public bool UseLanguageDefaults { get; init; } = true;
}

/// <summary>Gopher quality (datatrove GopherQualityFilter defaults).</summary>
public sealed record GopherQualityOptions
{
    public int MinWords { get; init; } = 50;
    public int MaxWords { get; init; } = 100_000;
    public double MinMeanWordLength { get; init; } = 3;
    public double MaxMeanWordLength { get; init; } = 10;
    public double MaxSymbolWordRatio { get; init; } = 0.1;
    public double MaxBulletLinesRatio { get; init; } = 0.9;
    public double MaxEllipsisLinesRatio { get; init; } = 0.3;
    public double MinAlphaWordsRatio { get; init; } = 0.8;
    public int MinStopWords { get; init; } = 2;
    public IReadOnlyList<string> StopWords { get; init; } = ["the", "be", "to", "of", "and", "that", "have", "with"];
}

/// <summary>Gopher repetition (datatrove GopherRepetitionFilter defaults).</summary>
public sealed record GopherRepetitionOptions
{
    public double MaxDuplicateLineFraction { get; init; } = 0.3;
    public double MaxDuplicateParagraphFraction { get; init; } = 0.3;
    public double MaxDuplicateLineCharFraction { get; init; } = 0.2;
    public double MaxDuplicateParagraphCharFraction { get; init; } = 0.2;

    /// <summary>n and the most characters the most frequent n-gram may cover, as a fraction of the text.</summary>
    public IReadOnlyList<(int N, double MaxFraction)> TopNGrams { get; init; } = [(2, 0.20), (3, 0.18), (4, 0.16)];

    /// <summary>n and the most characters repeated n-grams may cover, as a fraction of the text.</summary>
    public IReadOnlyList<(int N, double MaxFraction)> DuplicatedNGrams { get; init; } =
        [(5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10)];
}

/// <summary>C4 (datatrove C4QualityFilter defaults). Lines it drops are removed from the text that is kept.</summary>
public sealed record C4Options
{
    public bool RemoveCitations { get; init; } = true;
    public bool DropLinesWithoutTerminalPunctuation { get; init; } = true;
    public int MinSentences { get; init; } = 5;
    public int MinWordsPerLine { get; init; } = 3;
    public int MaxWordLength { get; init; } = 1000;
    public bool RejectLoremIpsum { get; init; } = true;
    public bool DropJavascriptLines { get; init; } = true;
    public bool RejectCurlyBrackets { get; init; } = true;
    public bool DropPolicyLines { get; init; } = true;
}

/// <summary>FineWeb (datatrove FineWebQualityFilter defaults).</summary>
public sealed record FineWebOptions
{
    public double MinLinePunctuationRatio { get; init; } = 0.12;
    public double MaxShortLineRatio { get; init; } = 0.67;

    /// <summary>Lines this long or shorter are short; null takes the language's (30 characters for spaced scripts).</summary>
    public int? ShortLineLength { get; init; }

    public double MaxDuplicateLineCharRatio { get; init; } = 0.01;
    public double MaxNewlineToWordRatio { get; init; } = 0.3;
}

/// <summary>URL filter: blocked domains (a subdomain of one is blocked too) and banned words in the URL.</summary>
public sealed record UrlFilterOptions
{
    /// <summary>A file with one domain per line; blank lines and lines starting with # are skipped.</summary>
    public string? BlocklistPath { get; init; }

    public IReadOnlyList<string> BlockedDomains { get; init; } = [];

    /// <summary>Words that reject a URL when one appears between its separators (host, path, query).</summary>
    public IReadOnlyList<string> BannedWords { get; init; } =
        ["porn", "porno", "xxx", "sex", "sexy", "nude", "nudes", "hentai", "camgirl", "camgirls", "escort", "escorts", "milf", "casino", "viagra"];
}
