namespace Corpus.FastText;

/// <summary>An input or output matrix of a model: dense (.bin) or product-quantized (.ftz).</summary>
internal abstract class FastTextMatrix
{
    public abstract long Rows { get; }

    public abstract int Cols { get; }

    /// <summary>x += row <paramref name="row"/>.</summary>
    public abstract void AddRowTo(Span<float> x, int row);

    /// <summary>The dot product of <paramref name="x"/> and row <paramref name="row"/>.</summary>
    public abstract float Dot(ReadOnlySpan<float> x, int row);
}
