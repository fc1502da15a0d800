namespace Corpus.Bench.LanguageId;

/// <summary>
/// corpus's own side of the comparison: a fastText model given with <c>--model</c> through corpus's
/// engine, or (not yet) the built-in language identifier.
/// </summary>
internal static class CorpusLanguageIdRunner
{
    /// <summary>The runner that stands for corpus: the model when <c>--model</c> is given, else the built-in identifier.</summary>
    public static ILanguageIdRunner? Create(string? model)
    {
        if (model is not null)
        {
            return new FastTextEngineRunner(model, "corpus");
        }

        // PLUG-IN POINT (built-in model): when Corpus.Filters.Languages.LanguageIdentifier and its default
        // model are merged, return a runner here whose SupportedLabels are the model's labels and whose
        // Predict calls the identifier on each line (its "und" below the confidence threshold counts as a
        // wrong answer, as it does for the other tools).
        return null;
    }
}
