namespace Corpus.FastText;

/// <summary>One predicted label.</summary>
/// <param name="LabelIndex">The label's index in <see cref="FastTextModel.Labels"/>.</param>
/// <param name="Label">The label as the model stores it, prefix included (<c>__label__eng_Latn</c>).</param>
/// <param name="Probability">The probability as fastText reports it: <c>exp(log(p + 1e-5))</c>.</param>
public readonly record struct FastTextPrediction(int LabelIndex, string Label, float Probability);
