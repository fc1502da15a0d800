using Corpus.Filters.Classification.FastText;

namespace Corpus.Filters.Languages.Training;

/// <summary>The hyper-parameters of the built-in language-ID model (see docs/language-id.md).</summary>
public static class LidRecipe
{
    /// <summary>Training options of the built-in model: dim 32, character 1-4-grams, word bigrams, words seen at least 2,000 times, 100k buckets, 15 epochs.</summary>
    public static FastTextTrainingOptions TrainingOptions { get; } = new()
    {
        Dim = 32,
        Epoch = 15,
        LearningRate = 0.5,
        WordNgrams = 2,
        MinCount = 2000,
        MinN = 1,
        MaxN = 4,
        Bucket = 100_000,
        Loss = FastTextLoss.Softmax,
        Seed = 0,
    };
}
