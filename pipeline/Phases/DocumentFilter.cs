using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Core.Documents;
using Corpus.Core.Languages;
using Corpus.Filters.Decontamination;
using Corpus.Filters.Normalization;
using Corpus.Filters.Pii;
using Corpus.Filters.Quality;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// What the filter phase does to one document: normalize the text, remove it when it shares an
/// n-gram with an evaluation set, label it (language, script, code, edu score and domain; a language
/// outside <c>classify.keep_languages</c> is a reject), apply the quality rules in its language
/// (every rule's value goes to the scores), redact PII from what stays. Used by the build's filter
/// phase and by <c>corpus filter</c>. Thread-safe.
/// </summary>
internal sealed class DocumentFilter
{
    private readonly FiltersConfig _config;
    private readonly Decontaminator? _decontaminator;
    private readonly QualityFilter? _quality;
    private readonly QualityFilter? _qualityWithoutLanguage;
    private readonly DocumentLabeler _labeler;
    private readonly TimeSpan _limit;

    public DocumentFilter(FiltersConfig config, ClassifyConfig classify, Decontaminator? decontaminator, double documentSeconds = 60)
    {
        _config = config;
        _limit = TimeSpan.FromSeconds(documentSeconds);
        _decontaminator = decontaminator;
        _labeler = DocumentLabeler.Create(classify);
        if (config.Quality)
        {
            _quality = QualityFilter.Create(new QualityOptions { Urls = new UrlFilterOptions { BlocklistPath = config.UrlBlocklist } });

            // A document whose language is unknown (language ID off, or undetermined) has no stop words
            // to count: the stop-word rule is off for it (the filter's own default would judge it as English).
            _qualityWithoutLanguage = QualityFilter.Create(new QualityOptions
            {
                Urls = new UrlFilterOptions { BlocklistPath = config.UrlBlocklist },
                Gopher = new GopherQualityOptions { MinStopWords = 0 },
            });
        }
    }

    /// <summary>The reject reason of a document that made a filter or classifier fail.</summary>
    public const string FailedReason = "filter_failed";

    /// <summary>The reject reason of a document whose filtering ran past the document time limit.</summary>
    public const string TimeoutReason = "timeout";

    /// <summary>
    /// Filters <paramref name="row"/> in place; returns null when it stays, else the reject's (reason, detail). A
    /// document that makes a filter or classifier throw is a reject too (<see cref="FailedReason"/>, the exception
    /// in the detail), and one whose steps run past <c>limits.document_seconds</c> a reject <c>timeout</c> naming the
    /// step: one bad document never stops the phase.
    /// </summary>
    public (string Reason, string Detail)? Apply(DocumentRow row)
    {
        using (DocumentDeadline.Start("normalize", _limit))
        {
            return Guarded(row, Judge);
        }
    }

    /// <summary>Runs <paramref name="judge"/> on <paramref name="row"/>, turning an exception into a <see cref="FailedReason"/> reject.</summary>
    internal static (string Reason, string Detail)? Guarded(DocumentRow row, Func<DocumentRow, (string Reason, string Detail)?> judge)
    {
        try
        {
            return judge(row);
        }
        catch (DocumentTimeoutException e)
        {
            return (TimeoutReason, e.Message);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            var message = e.Message.Split('\n', 2)[0].Trim();
            return (FailedReason, $"{e.GetType().Name}: {message}");
        }
    }

    private (string Reason, string Detail)? Judge(DocumentRow row)
    {
        var text = TextNormalizer.Normalize(row.Text);
        DocumentDeadline.Step("decontamination");
        DocumentDeadline.Check();
        if (_decontaminator is not null && _decontaminator.Check(text) is { Length: > 0 } sets)
        {
            return ("contaminated", "shares an n-gram with " + string.Join(", ", sets));
        }

        DocumentDeadline.Step("labels");
        DocumentDeadline.Check();
        if (_labeler.Label(row, text) is { } notKept)
        {
            return notKept;
        }

        if (_quality is not null && _qualityWithoutLanguage is not null)
        {
            DocumentDeadline.Step("quality rules");
            DocumentDeadline.Check();
            var language = DocumentLabeler.LanguageOf(row);
            var verdict = (language is null ? _qualityWithoutLanguage : _quality).Evaluate(text, language, row.SourceKind == "file" ? null : row.SourceUri);
            foreach (var (signal, value) in verdict.Signals)
            {
                row.Scores[signal] = value;
            }

            if (!verdict.Kept)
            {
                return (verdict.Rule ?? "quality", string.Create(CultureInfo.InvariantCulture, $"measured {verdict.Value:G4}, threshold {verdict.Threshold:G4}"));
            }

            text = verdict.Text;
        }

        if (_config.Pii)
        {
            DocumentDeadline.Step("pii");
            DocumentDeadline.Check();
            var redaction = PiiRedactor.Redact(text);
            text = redaction.Text;
            foreach (var (kind, count) in redaction.Counts)
            {
                if (count > 0)
                {
                    row.Metadata["pii_" + kind.ToString().ToLowerInvariant()] = count.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        row.Text = text;
        return null;
    }
}
