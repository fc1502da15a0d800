using System.Text;

namespace Corpus.FastText;

/// <summary>
/// Supervised training with fastText's semantics, on one thread so that a seed fixes the result:
/// the dictionary counted from the file (sorted words first, then labels, by descending count,
/// ties in first-seen order; <c>minCount</c>/<c>minCountLabel</c> applied), input rows drawn
/// uniformly from (-1/dim, 1/dim), output rows zero, the learning rate decayed linearly with
/// processed tokens (updated every <c>lrUpdateRate</c> tokens), one label picked at random per
/// example (all labels with one-vs-all), and the input gradient divided by the number of input rows.
/// The file is streamed once per epoch: memory is the model's, not the data's.
/// </summary>
public static class FastTextTrainer
{
    /// <summary>Trains a classifier on a file of lines such as <c>__label__eng_Latn some text</c>.</summary>
    /// <exception cref="InvalidDataException">The file yields no words or no labels under the options' thresholds.</exception>
    public static FastTextModel Train(string trainingFile, FastTextTrainingOptions options, IProgress<FastTextTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainingFile);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var labelPrefix = Encoding.UTF8.GetBytes(options.LabelPrefix);
        var bucket = options.WordNgrams <= 1 && options.MaxN == 0 ? 0 : options.Bucket;
        var args = new FastTextArgs(options.Dim, options.WindowSize, options.Epoch, options.MinCount, options.Neg, options.WordNgrams, options.Loss, FastTextArgs.SupervisedModel, bucket, options.MinN, options.MaxN, options.LrUpdateRate, options.SamplingThreshold);
        var dictionary = CountVocabulary(trainingFile, args, options, labelPrefix, cancellationToken);
        if ((long)dictionary.NWords + bucket > int.MaxValue)
        {
            throw new ArgumentException($"{dictionary.NWords} words and {bucket} buckets are more input rows than fit", nameof(options));
        }

        var random = new FastTextRandom(options.Seed);
        var input = new DenseMatrix(dictionary.NWords + bucket, options.Dim);
        var a = 1.0 / options.Dim;
        var data = input.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 2 * a) - a);
        }

        var output = new DenseMatrix(dictionary.NLabels, options.Dim);
        var model = new FastTextModel(args, dictionary, input, output, quantized: false, quantizedOutput: false);
        new SupervisedUpdate(model, input, output, random).Run(trainingFile, options, progress, cancellationToken);
        return model;
    }

    private static void Validate(FastTextTrainingOptions options)
    {
        if (options.Dim <= 0 || options.Epoch <= 0 || options.LearningRate <= 0 || options.WordNgrams <= 0 || options.MinN < 0
            || options.MaxN < 0 || (options.MaxN > 0 && options.MinN > options.MaxN) || options.Bucket < 0 || options.Neg <= 0
            || options.LrUpdateRate <= 0 || string.IsNullOrEmpty(options.LabelPrefix))
        {
            throw new ArgumentException($"invalid training options: {options}", nameof(options));
        }

        if (options.MaxN > 0 && options.Bucket == 0)
        {
            throw new ArgumentException("character n-grams need hash buckets (Bucket > 0)", nameof(options));
        }
    }

    /// <summary>fastText's <c>readFromFile</c> + <c>threshold</c>: every token counted, end-of-sentence included.</summary>
    private static FastTextDictionary CountVocabulary(string path, FastTextArgs args, FastTextTrainingOptions options, byte[] labelPrefix, CancellationToken cancellationToken)
    {
        var seen = new Utf8WordTable(1 << 12);
        var counts = new List<long>();
        long ntokens = 0;
        using (var reader = Utf8LineReader.Open(path))
        {
            var lines = 0;
            while (reader.TryReadLine(out var line, out var newline))
            {
                if ((++lines & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var i = 0;
                while (FastTextDictionary.NextToken(line, ref i, out var token))
                {
                    Count(line[token]);
                }

                if (newline)
                {
                    Count("</s>"u8);
                }
            }
        }

        var order = Enumerable.Range(0, seen.Count)
            .Select(id => (Id: id, Label: seen[id].StartsWith(labelPrefix), Count: counts[id]))
            .Where(e => e.Count >= (e.Label ? options.MinCountLabel : options.MinCount))
            .OrderBy(e => e.Label)
            .ThenByDescending(e => e.Count)
            .ThenBy(e => e.Id)
            .ToList();
        var nwords = order.Count(e => !e.Label);
        if (nwords == 0 || nwords == order.Count)
        {
            throw new InvalidDataException($"{path}: {nwords} words and {order.Count - nwords} labels (prefix '{options.LabelPrefix}') after the count thresholds; a classifier needs both");
        }

        var table = new Utf8WordTable(order.Count);
        var sortedCounts = new long[order.Count];
        var types = new byte[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var id = order[i].Id;
            table.Add(seen[id], seen.HashOf(id));
            sortedCounts[i] = order[i].Count;
            types[i] = order[i].Label ? FastTextDictionary.LabelType : FastTextDictionary.WordType;
        }

        return FastTextDictionary.Create(args, table, sortedCounts, types, nwords, ntokens, labelPrefix);

        void Count(ReadOnlySpan<byte> token)
        {
            ntokens++;
            var hash = FastTextHash.Fnv1a(token);
            var id = seen.Find(token, hash);
            if (id < 0)
            {
                seen.Add(token, hash);
                counts.Add(1);
            }
            else
            {
                counts[id]++;
            }
        }
    }

}
