namespace Corpus.FastText;

/// <summary>
/// The args block of a fastText .bin/.ftz file, in the order the file stores it (all int32 but
/// <see cref="SamplingThreshold"/>, a double). The label prefix is not stored: fastText and this
/// engine always read <c>__label__</c> at prediction time.
/// </summary>
/// <param name="Dim">Width of the word and output vectors.</param>
/// <param name="WindowSize">Context window (unused by supervised models; kept for the file).</param>
/// <param name="Epoch">Training epochs.</param>
/// <param name="MinCount">Minimal count of a word kept in the vocabulary.</param>
/// <param name="Neg">Negatives sampled per example with negative sampling.</param>
/// <param name="WordNgrams">Longest word n-gram (1: words only).</param>
/// <param name="Loss">The output layer.</param>
/// <param name="Model">fastText's <c>model_name</c>: 1 cbow, 2 skipgram, 3 supervised (the only kind this engine predicts with).</param>
/// <param name="Bucket">Number of hash buckets for character and word n-grams.</param>
/// <param name="MinN">Shortest character n-gram (in characters).</param>
/// <param name="MaxN">Longest character n-gram (0: none).</param>
/// <param name="LrUpdateRate">Tokens between learning-rate updates.</param>
/// <param name="SamplingThreshold">fastText's <c>-t</c> (unused by supervised models).</param>
public sealed record FastTextArgs(
    int Dim,
    int WindowSize,
    int Epoch,
    int MinCount,
    int Neg,
    int WordNgrams,
    FastTextLoss Loss,
    int Model,
    int Bucket,
    int MinN,
    int MaxN,
    int LrUpdateRate,
    double SamplingThreshold)
{
    /// <summary>fastText's <c>model_name::sup</c>.</summary>
    internal const int SupervisedModel = 3;

    internal static FastTextArgs Read(FastTextReader reader)
    {
        var dim = reader.Int32();
        var ws = reader.Int32();
        var epoch = reader.Int32();
        var minCount = reader.Int32();
        var neg = reader.Int32();
        var wordNgrams = reader.Int32();
        var loss = reader.Int32();
        var model = reader.Int32();
        var bucket = reader.Int32();
        var minn = reader.Int32();
        var maxn = reader.Int32();
        var lrUpdateRate = reader.Int32();
        var t = reader.Double();
        if (dim <= 0 || dim > 1 << 16)
        {
            throw reader.Invalid($"dim {dim} is out of range");
        }

        if (loss is < 1 or > 4)
        {
            throw reader.Invalid($"loss {loss} is not one of fastText's (1 hs, 2 ns, 3 softmax, 4 ova)");
        }

        if (model != SupervisedModel)
        {
            throw reader.Invalid($"model kind {model} is not supervised (3); only classifiers are supported");
        }

        if (bucket < 0 || minn < 0 || maxn < 0 || maxn > 1 << 10 || wordNgrams < 0)
        {
            throw reader.Invalid($"bucket {bucket}, minn {minn}, maxn {maxn} or wordNgrams {wordNgrams} is out of range");
        }

        if (maxn > 0 && bucket == 0)
        {
            throw reader.Invalid($"character n-grams up to {maxn} need hash buckets, but bucket is 0");
        }

        return new FastTextArgs(dim, ws, epoch, minCount, neg, wordNgrams, (FastTextLoss)loss, model, bucket, minn, maxn, lrUpdateRate, t);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Dim);
        writer.Write(WindowSize);
        writer.Write(Epoch);
        writer.Write(MinCount);
        writer.Write(Neg);
        writer.Write(WordNgrams);
        writer.Write((int)Loss);
        writer.Write(Model);
        writer.Write(Bucket);
        writer.Write(MinN);
        writer.Write(MaxN);
        writer.Write(LrUpdateRate);
        writer.Write(SamplingThreshold);
    }
}
