namespace Corpus.FastText;

/// <summary>Scores a model on a labelled file as <c>fasttext test MODEL FILE K</c> does.</summary>
public static class FastTextEvaluator
{
    /// <summary>Precision and recall at <paramref name="k"/> over every line of <paramref name="testFile"/>, overall and per label.</summary>
    public static FastTextEvaluation Evaluate(FastTextModel model, string testFile, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(testFile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var labelCount = model.Labels.Count;
        var gold = new long[labelCount];
        var predicted = new long[labelCount];
        var correct = new long[labelCount];
        long examples = 0;
        var scratch = new FastTextScratch();
        var predictions = new FastTextPrediction[Math.Min(k, labelCount)];
        using var reader = Utf8LineReader.Open(testFile);
        while (reader.TryReadLine(out var line, out var newline))
        {
            // A literal </s> splits a line in two for fastText; each part is an example.
            for (var rest = 0; rest >= 0;)
            {
                line = line[rest..];
                model.Dictionary.ReadLine(line, newline, scratch.Words, scratch.Labels, scratch.Hashes, out rest);
                var labels = scratch.Labels.Span;
                if (labels.IsEmpty || scratch.Words.Count == 0)
                {
                    continue;
                }

                examples++;
                var count = model.PredictRows(scratch, scratch.Words.Span, predictions, 0f);
                foreach (var prediction in predictions.AsSpan(0, count))
                {
                    predicted[prediction.LabelIndex]++;
                    if (labels.Contains(prediction.LabelIndex))
                    {
                        correct[prediction.LabelIndex]++;
                    }
                }

                foreach (var label in labels)
                {
                    gold[label]++;
                }
            }
        }

        var perLabel = new FastTextLabelEvaluation[labelCount];
        for (var i = 0; i < labelCount; i++)
        {
            var precision = Ratio(correct[i], predicted[i]);
            var recall = Ratio(correct[i], gold[i]);
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            perLabel[i] = new FastTextLabelEvaluation(model.Labels[i], gold[i], predicted[i], correct[i], precision, recall, f1);
        }

        return new FastTextEvaluation(examples, k, Ratio(correct.Sum(), predicted.Sum()), Ratio(correct.Sum(), gold.Sum()), perLabel);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
