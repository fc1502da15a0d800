namespace Corpus.FastText;

/// <summary>
/// Hyper-parameters of supervised training; the defaults are those of <c>fasttext supervised</c>.
/// As there, <see cref="Bucket"/> becomes 0 when neither word n-grams nor character n-grams are used.
/// </summary>
public sealed record FastTextTrainingOptions
{
    /// <summary>Width of the word and label vectors (<c>-dim</c>).</summary>
    public int Dim { get; init; } = 100;

    /// <summary>Passes over the training file (<c>-epoch</c>).</summary>
    public int Epoch { get; init; } = 5;

    /// <summary>Starting learning rate, decayed linearly to 0 by processed tokens (<c>-lr</c>).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Longest word n-gram (<c>-wordNgrams</c>).</summary>
    public int WordNgrams { get; init; } = 1;

    /// <summary>Words seen fewer times are dropped (<c>-minCount</c>).</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Labels seen fewer times are dropped (<c>-minCountLabel</c>).</summary>
    public int MinCountLabel { get; init; }

    /// <summary>Shortest character n-gram (<c>-minn</c>).</summary>
    public int MinN { get; init; }

    /// <summary>Longest character n-gram; 0 for none (<c>-maxn</c>).</summary>
    public int MaxN { get; init; }

    /// <summary>Hash buckets for n-grams (<c>-bucket</c>).</summary>
    public int Bucket { get; init; } = 2_000_000;

    /// <summary>The output layer (<c>-loss</c>).</summary>
    public FastTextLoss Loss { get; init; } = FastTextLoss.Softmax;

    /// <summary>Negatives per example with negative sampling (<c>-neg</c>).</summary>
    public int Neg { get; init; } = 5;

    /// <summary>Tokens between learning-rate updates (<c>-lrUpdateRate</c>).</summary>
    public int LrUpdateRate { get; init; } = 100;

    /// <summary>Tokens starting with this are labels (<c>-label</c>).</summary>
    public string LabelPrefix { get; init; } = "__label__";

    /// <summary>Seeds the initial weights and every random choice: same file, options and seed give the same model bytes.</summary>
    public ulong Seed { get; init; }

    /// <summary>Stored in the model for fastText's sake (<c>-ws</c>); supervised training does not use it.</summary>
    public int WindowSize { get; init; } = 5;

    /// <summary>Stored in the model for fastText's sake (<c>-t</c>); supervised training does not use it.</summary>
    public double SamplingThreshold { get; init; } = 1e-4;
}
