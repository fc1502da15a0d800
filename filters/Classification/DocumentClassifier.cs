using Corpus.FastText;

namespace Corpus.Filters.Classification;

/// <summary>
/// Labels documents cheaply with the two fastText classifiers that <c>corpus classify train</c> builds
/// from model annotations: an educational-score model (labels <c>edu_0</c> … <c>edu_5</c>) and a
/// domain model (labels <c>domain_*</c>). Safe to call from many threads.
/// </summary>
public sealed class DocumentClassifier
{
    private readonly FastTextModel _edu;
    private readonly FastTextModel _domain;
    private readonly int[] _scoreOfLabel;
    private readonly int _maxChars;

    private DocumentClassifier(FastTextModel edu, FastTextModel domain, int maxChars)
    {
        _scoreOfLabel = new int[edu.Labels.Count];
        for (var i = 0; i < edu.Labels.Count; i++)
        {
            if (!FastTextLines.TryEduScore(edu.Labels[i], out _scoreOfLabel[i]))
            {
                throw new InvalidDataException($"educational-score model: label '{edu.Labels[i]}' is not edu_0 … edu_{EduAnnotation.MaxScore}");
            }
        }

        _edu = edu;
        _domain = domain;
        _maxChars = maxChars;
    }

    /// <summary>
    /// Loads the two models (fastText <c>.bin</c> or <c>.ftz</c>). Text is flattened and cut to
    /// <paramref name="maxChars"/> characters before prediction, as the training lines were.
    /// </summary>
    public static DocumentClassifier Load(string eduModelPath, string domainModelPath, int maxChars = 8000)
    {
        ArgumentNullException.ThrowIfNull(eduModelPath);
        ArgumentNullException.ThrowIfNull(domainModelPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        return new DocumentClassifier(FastTextModel.Load(eduModelPath), FastTextModel.Load(domainModelPath), maxChars);
    }

    /// <summary>The expected educational score and the most probable domain of <paramref name="text"/>.</summary>
    public DocumentClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = FastTextLines.Flatten(text, _maxChars);
        var edu = _edu.Predict(line, _edu.Labels.Count);
        double expected = 0, mass = 0;
        foreach (var p in edu)
        {
            expected += p.Probability * _scoreOfLabel[p.LabelIndex];
            mass += p.Probability;
        }

        var domain = _domain.Predict(line, 1);
        return new DocumentClassification(
            mass > 0 ? expected / mass : 0,
            domain.Count > 0 ? FastTextLines.DomainOf(domain[0].Label) : "other",
            domain.Count > 0 ? domain[0].Probability : 0);
    }
}
