namespace Corpus.FastText;

/// <summary>
/// A model that gives a text's most probable labels with their probabilities, best first: a fastText
/// model (<see cref="FastTextModel"/>), or another engine's model that answers in the same terms (the language-ID
/// group models are character n-gram models).
/// Implementations are immutable once loaded and thread-safe.
/// </summary>
public interface ILabelPredictor
{
    /// <summary>The labels in the model's order, prefix included (<c>__label__zul_Latn</c>).</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// The most probable labels of <paramref name="text"/>, best first, into <paramref name="into"/> (k is its length);
    /// labels below <paramref name="threshold"/> are left out.
    /// </summary>
    /// <returns>How many predictions were written (0 when the text holds nothing the model reads).</returns>
    int Predict(ReadOnlySpan<char> text, Span<FastTextPrediction> into, float threshold = 0f);
}
