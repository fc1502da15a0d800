using Corpus.Core.Languages;
using Corpus.Filters.Languages;
using Corpus.Filters.Urls;

namespace Corpus.Filters.Quality;

/// <summary>
/// Runs the URL filter, Gopher repetition, Gopher quality, C4 and FineWeb rules, in FineWeb's order, on one document.
/// </summary>
public sealed class QualityFilter
{
    private readonly QualityOptions _options;
    private readonly UrlFilter? _urls;

    private QualityFilter(QualityOptions options)
    {
        _options = options;
        _urls = options.Urls is { } urls ? UrlFilter.Create(urls) : null;
    }

    /// <summary>Creates a filter; reads the URL blocklist file when one is named.</summary>
    public static QualityFilter Create(QualityOptions? options = null) => new(options ?? new QualityOptions());

    /// <summary>
    /// Judges <paramref name="text"/> (already normalized) written in <paramref name="language"/> (null: English defaults)
    /// and found at <paramref name="url"/> (null: no URL check). Every signal is measured; the verdict names the first failing rule.
    /// </summary>
    public FilterVerdict Evaluate(string text, LanguageCode? language = null, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profile = LanguageTable.For(language);
        var check = new RuleCheck();

        if (_urls is not null && url is not null)
        {
            _urls.Check(url, check);
        }

        var scratch = QualityScratch.Current;
        var words = scratch.Words;
        WordSegmenter.Segment(text, profile.Segmentation, words);
        Core.Documents.DocumentDeadline.Check();
        if (_options.Repetition is { } repetition)
        {
            RepetitionRules.Check(text, words, repetition, check, scratch);
        }

        Core.Documents.DocumentDeadline.Check();
        if (_options.Gopher is { } gopher)
        {
            GopherRules.Check(text, words, Effective(gopher, profile), profile, check, scratch);
        }

        var kept = text;
        Core.Documents.DocumentDeadline.Check();
        if (_options.C4 is { } c4)
        {
            kept = C4Rules.Check(text, c4, profile, check, scratch);
        }

        Core.Documents.DocumentDeadline.Check();
        if (_options.FineWeb is { } fineWeb)
        {
            FineWebRules.Check(kept, fineWeb, profile, check, scratch);
        }

        return new FilterVerdict(check.Failure is null, check.Failure, check.Value, check.Threshold, kept, check.Signals);
    }

    private GopherQualityOptions Effective(GopherQualityOptions gopher, LanguageProfile profile) =>
        _options.UseLanguageDefaults
            ? gopher with
            {
                MinWords = profile.MinWords,
                MinMeanWordLength = profile.MinMeanWordLength,
                MaxMeanWordLength = profile.MaxMeanWordLength,
                StopWords = profile.StopWords,
                MinStopWords = profile.StopWords.Length == 0 ? 0 : gopher.MinStopWords,
            }
            : gopher;
}

/// <summary>Collects signals and remembers the first rule that fails.</summary>
internal sealed class RuleCheck
{
    public Dictionary<string, double> Signals { get; } = new(StringComparer.Ordinal);

    public string? Failure { get; private set; }

    public double? Value { get; private set; }

    public double? Threshold { get; private set; }

    /// <summary>Records a signal; when <paramref name="fails"/> and nothing failed before, it becomes the verdict.</summary>
    public void Record(string rule, double value, double threshold, bool fails)
    {
        Signals[rule] = value;
        if (fails && Failure is null)
        {
            Failure = rule;
            Value = value;
            Threshold = threshold;
        }
    }
}
