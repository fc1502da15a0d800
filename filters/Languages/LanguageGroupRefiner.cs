using System.Buffers;
using Corpus.Filters.Classification;
using Corpus.FastText;

namespace Corpus.Filters.Languages;

/// <summary>
/// A second opinion on a group of close languages (Zulu, Xhosa, Ndebele, Swati): a small model trained on
/// just their text, a character n-gram model (<see cref="CharacterNgramModel"/>) or a fastText model whose
/// vocabulary keeps words that the main model's (words seen 2,000 times) does not. When the identifier's answer is one of the group's languages, or the group's labels
/// together outweigh it, the probability the main model gave the group as a whole is shared out among the
/// group's labels in the refiner's proportions (other labels keep theirs), and the best of the group is
/// the answer. Thread-safe.
/// </summary>
internal sealed class LanguageGroupRefiner
{
    private readonly ILabelPredictor _refiner;
    private readonly IReadOnlyList<string> _mainLabels;

    // Main-model label index of each refiner label.
    private readonly int[] _mainIndex;

    // Whether a main-model label is in the group.
    private readonly bool[] _member;

    /// <summary>Binds <paramref name="refiner"/>'s labels to the same labels of <paramref name="main"/>.</summary>
    /// <exception cref="InvalidDataException">A refiner label is not one of the main model's, or it has fewer than two labels.</exception>
    public LanguageGroupRefiner(FastTextModel main, ILabelPredictor refiner, string name)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(refiner);
        if (refiner.Labels.Count < 2)
        {
            throw new InvalidDataException($"the language group model '{name}' has {refiner.Labels.Count} label(s); a group needs two or more");
        }

        _refiner = refiner;
        _mainLabels = main.Labels;
        _member = new bool[main.Labels.Count];
        _mainIndex = new int[refiner.Labels.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < main.Labels.Count; i++)
        {
            index.TryAdd(main.Labels[i], i);
        }

        for (var i = 0; i < refiner.Labels.Count; i++)
        {
            if (!index.TryGetValue(refiner.Labels[i], out var mainIndex))
            {
                throw new InvalidDataException($"the language group model '{name}' has the label '{refiner.Labels[i]}', which the main model does not");
            }

            _mainIndex[i] = mainIndex;
            _member[mainIndex] = true;
        }

        Name = name;
    }

    /// <summary>The group's name (its model file's, e.g. <c>nguni</c>).</summary>
    public string Name { get; }

    /// <summary>The group's labels, as the models write them (<c>__label__zul_Latn</c>).</summary>
    public IReadOnlyList<string> Labels => _refiner.Labels;

    /// <summary>Whether the main model's label <paramref name="labelIndex"/> is in the group.</summary>
    public bool Covers(int labelIndex) => (uint)labelIndex < (uint)_member.Length && _member[labelIndex];

    /// <summary>The summed probability of the group's labels among <paramref name="predictions"/>.</summary>
    public double Mass(ReadOnlySpan<FastTextPrediction> predictions)
    {
        var mass = 0.0;
        foreach (var p in predictions)
        {
            if (Covers(p.LabelIndex))
            {
                mass += p.Probability;
            }
        }

        return mass;
    }

    /// <summary>
    /// Re-divides the group's share of <paramref name="predictions"/> (the main model's first
    /// <paramref name="count"/>, best first) by the refiner's judgement of <paramref name="text"/>, and sorts
    /// them again; returns how many there are now (group labels the main model did not list may join,
    /// as many as fit).
    /// </summary>
    public int Refine(ReadOnlySpan<char> text, Span<FastTextPrediction> predictions, int count)
    {
        var mass = Mass(predictions[..count]);
        var labels = _mainIndex.Length;
        var opinion = ArrayPool<FastTextPrediction>.Shared.Rent(labels);
        var merged = ArrayPool<FastTextPrediction>.Shared.Rent(count + labels);
        try
        {
            var n = _refiner.Predict(text, opinion.AsSpan(0, labels));
            if (n == 0)
            {
                return count; // no token the refiner can read: the main model's answer stands
            }

            var total = 0.0;
            foreach (var p in opinion.AsSpan(0, n))
            {
                total += p.Probability;
            }

            var m = 0;
            foreach (var p in predictions[..count])
            {
                if (!Covers(p.LabelIndex))
                {
                    merged[m++] = p;
                }
            }

            foreach (var p in opinion.AsSpan(0, n))
            {
                var main = _mainIndex[p.LabelIndex];
                var share = total > 0 ? mass * p.Probability / total : 0;
                merged[m++] = new FastTextPrediction(main, _mainLabels[main], (float)share);
            }

            var result = merged.AsSpan(0, m);
            result.Sort(static (a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : a.LabelIndex.CompareTo(b.LabelIndex));
            var kept = Math.Min(m, predictions.Length);
            result[..kept].CopyTo(predictions);
            return kept;
        }
        finally
        {
            ArrayPool<FastTextPrediction>.Shared.Return(opinion, clearArray: true);
            ArrayPool<FastTextPrediction>.Shared.Return(merged, clearArray: true);
        }
    }
}
