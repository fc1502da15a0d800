using Corpus.FastText;

namespace Corpus.Pipeline.Classify;

/// <summary>What <see cref="ClassifierTraining.TrainAsync"/> trains from, and how.</summary>
public sealed record TrainOptions
{
    /// <summary>The defaults for both classifiers: 64 dimensions, word bigrams, 25 epochs at learning rate 0.5, 200,000 buckets (about 50 MiB of input vectors).</summary>
    public static FastTextTrainingOptions DefaultFastText { get; } = new()
    {
        Dim = 64,
        Epoch = 25,
        LearningRate = 0.5,
        WordNgrams = 2,
        MinCount = 1,
        Bucket = 200_000,
        Loss = FastTextLoss.Softmax,
    };

    /// <summary>The build folder: annotations are read from its <c>annotations/</c>, texts from its document parts.</summary>
    public required string BuildDir { get; init; }

    /// <summary>Where the training files and models go.</summary>
    public required string OutDir { get; init; }

    /// <summary>The folder of document parts relative to <see cref="BuildDir"/>; null takes the last phase that wrote any (as annotate does).</summary>
    public string? InputDir { get; init; }

    /// <summary>Share of annotated documents held back for validation, chosen by seeded id hash. Default 0.1.</summary>
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>Seed of the split and of training.</summary>
    public ulong Seed { get; init; }

    /// <summary>Each document's text is flattened and cut to this many characters. Default 8,000.</summary>
    public int MaxChars { get; init; } = 8000;

    /// <summary>fastText settings of the educational-score classifier (the seed is <see cref="Seed"/>).</summary>
    public FastTextTrainingOptions Edu { get; init; } = DefaultFastText;

    /// <summary>fastText settings of the domain classifier (the seed is <see cref="Seed"/>).</summary>
    public FastTextTrainingOptions Domain { get; init; } = DefaultFastText;
}
