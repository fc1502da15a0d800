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

    /// <summary>
    /// Groups of close languages that get a model of their own (<see cref="LanguageIdentifier"/>): related languages
    /// outside the Qwen3 table, each with a few thousand lines (the smaller catalog cap), whose long words the
    /// main model's vocabulary (words seen 2,000 times) does not hold and whose n-grams they share.
    /// </summary>
    public static IReadOnlyList<LidLanguageGroup> Groups { get; } =
    [
        new("nguni", ["nbl_Latn", "ssw_Latn", "xho_Latn", "zul_Latn"]),
        new("sotho-tswana", ["nso_Latn", "sot_Latn", "tsn_Latn"]),
        new("ethiosemitic", ["amh_Ethi", "tig_Ethi", "tir_Ethi"]),
    ];

    /// <summary>
    /// Training options of a group's model: words seen 5 times are in its vocabulary, dim 16 and 20k buckets
    /// (about 1 MB a group); the rest as the main model's.
    /// </summary>
    public static FastTextTrainingOptions GroupTrainingOptions { get; } = TrainingOptions with { Dim = 16, MinCount = 5, Bucket = 20_000 };
}
