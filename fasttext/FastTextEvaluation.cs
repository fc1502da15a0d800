namespace Corpus.FastText;

/// <summary>What <c>fasttext test</c> reports, plus what <c>fasttext test-label</c> reports per label.</summary>
/// <param name="Examples">Lines with at least one known label and one input row (fastText's N).</param>
/// <param name="K">Predictions per line.</param>
/// <param name="PrecisionAtK">Correct predictions over all predictions.</param>
/// <param name="RecallAtK">Correct predictions over all gold labels.</param>
/// <param name="Labels">Per label, in the model's label order.</param>
public sealed record FastTextEvaluation(long Examples, int K, double PrecisionAtK, double RecallAtK, IReadOnlyList<FastTextLabelEvaluation> Labels);

/// <summary>One label's counts and scores (0 where a ratio has nothing to divide by).</summary>
/// <param name="Label">The label, prefix included.</param>
/// <param name="Gold">Lines that carry the label.</param>
/// <param name="Predicted">Times the label was predicted.</param>
/// <param name="Correct">Times it was predicted on a line that carries it.</param>
/// <param name="Precision">Correct / Predicted.</param>
/// <param name="Recall">Correct / Gold.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
public sealed record FastTextLabelEvaluation(string Label, long Gold, long Predicted, long Correct, double Precision, double Recall, double F1);
