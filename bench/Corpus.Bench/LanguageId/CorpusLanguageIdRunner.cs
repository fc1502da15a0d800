namespace Corpus.Bench.LanguageId;

/// <summary>
/// corpus's own side of the comparison. Today: a fastText model given with <c>--model</c>, answered by
/// fastText's C++ (<see cref="FastTextBinaryRunner"/>) until corpus's fastText engine lands.
/// </summary>
internal static class CorpusLanguageIdRunner
{
    /// <summary>
    /// The runner that stands for corpus: the built-in model when no <c>--model</c> is given, else the model.
    /// </summary>
    public static ILanguageIdRunner? Create(string? model)
    {
        if (model is not null)
        {
            // PLUG-IN POINT (fastText engine): when Corpus.Filters.Classification.FastText.FastTextModel is
            // merged, answer with FastTextModel.Load(model).Predict(line, 1)[0].Label through
            // FastTextLabels.ToLabel, in process, and keep FastTextBinaryRunner beside it as the speed anchor.
            return new FastTextBinaryRunner(model, "corpus (fastText C++ stand-in)");
        }

        // PLUG-IN POINT (built-in model): when Corpus.Filters.Languages.LanguageIdentifier and its default
        // model are merged, return a runner here whose SupportedLabels are the model's labels and whose
        // Predict calls the identifier on each line (its "und" below the confidence threshold counts as a
        // wrong answer, as it does for the other tools).
        return null;
    }
}
