using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Core.Languages;
using Corpus.Filters.Classification;
using Corpus.Filters.Classification.Code;
using Corpus.Filters.Languages;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The labels the filter phase writes into a document (the <c>classify</c> section): language,
/// language score and script (document-level language ID, per-paragraph votes, script guard),
/// code kind and programming language, and, where trained classifiers are configured, the
/// educational score and the domain. Thread-safe: one instance serves every worker.
/// </summary>
internal sealed class DocumentLabeler
{
    private readonly LanguageIdentifier? _languages;
    private readonly DocumentClassifier? _classifier;
    private readonly HashSet<string> _keep;
    private readonly bool _code;

    private DocumentLabeler(LanguageIdentifier? languages, DocumentClassifier? classifier, IEnumerable<string> keep, bool code)
    {
        _languages = languages;
        _classifier = classifier;
        _keep = new HashSet<string>(keep, StringComparer.Ordinal);
        _code = code;
    }

    /// <summary>Loads the configured models; a missing or broken model is a <see cref="BuildException"/> naming the key and the file.</summary>
    public static DocumentLabeler Create(ClassifyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        LanguageIdentifier? languages = null;
        if (config.Language)
        {
            var path = config.LanguageModel ?? LanguageIdentifier.DefaultModelPath;
            var options = new LanguageIdentifierOptions { MinScore = config.LanguageThreshold, Qwen3Weight = config.Qwen3Weight };
            languages = Load("classify.language_model", path, p => LanguageIdentifier.Load(p, options));
        }
        else if (!config.KeepLanguages.IsDefaultOrEmpty)
        {
            throw new BuildException("classify.keep_languages needs classify.language to be true: without language ID no document's language is known");
        }

        DocumentClassifier? classifier = null;
        if (config.EduModel is not null || config.DomainModel is not null)
        {
            if (config.EduModel is null || config.DomainModel is null)
            {
                throw new BuildException("classify.edu_model and classify.domain_model go together (both from `corpus classify train`): set both or neither");
            }

            classifier = Load("classify.edu_model / classify.domain_model", config.EduModel, _ => DocumentClassifier.Load(config.EduModel, config.DomainModel));
        }

        return new DocumentLabeler(languages, classifier, config.KeepLanguages.IsDefault ? [] : config.KeepLanguages, config.Code);
    }

    /// <summary>Writes the labels of <paramref name="text"/> into <paramref name="row"/>; returns a reject's (reason, detail) when its language is not kept.</summary>
    public (string Reason, string Detail)? Label(DocumentRow row, string text)
    {
        if (_languages is not null)
        {
            var id = _languages.Identify(text);
            var code = id.Language.ToString();
            row.Language = code;
            row.Scores["language_score"] = id.Score;
            row.Labels["script"] = id.Script;
            if (id.Shares.Count > 1)
            {
                row.Metadata["language_shares"] = string.Join(",", id.Shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Language}:{s.Share:0.###}")));
            }

            if (_keep.Count > 0 && !_keep.Contains(code))
            {
                return ("language", string.Create(CultureInfo.InvariantCulture, $"identified {code} (score {id.Score:0.###}), not in classify.keep_languages"));
            }
        }

        if (_code)
        {
            var detection = CodeDetector.Detect(text);
            row.Labels["code_kind"] = detection.Kind switch
            {
                CodeKind.Code => "code",
                CodeKind.ProseWithCode => "prose_with_code",
                _ => "prose",
            };
            row.Scores["code_share"] = detection.CodeShare;
            if (detection.Kind != CodeKind.Prose
                && ProgrammingLanguageIdentifier.Identify(text, row.SourceKind == "file" ? null : row.SourceUri) is { } guess
                && guess.Language != ProgrammingLanguageIdentifier.Unknown)
            {
                row.Labels["programming_language"] = guess.Language;
            }
        }

        if (_classifier is not null)
        {
            var c = _classifier.Classify(text);
            row.Scores["edu_score"] = c.EduScore;
            row.Labels["domain"] = c.Domain;
            row.Scores["domain_score"] = c.DomainScore;
        }

        return null;
    }

    /// <summary>The language the quality rules should judge <paramref name="row"/> in: null when unknown.</summary>
    public static LanguageCode? LanguageOf(DocumentRow row) =>
        row.Language is { } code && LanguageCode.TryParse(code, out var parsed) && parsed.Language is not null ? parsed : null;

    private static T Load<T>(string key, string path, Func<string, T> load)
    {
        try
        {
            return load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new BuildException($"{key}: cannot load '{path}': {e.Message}", e);
        }
    }
}
