using System.Globalization;
using System.Text;
using Corpus.Filters.Classification;
using Corpus.FastText;

namespace Corpus.Filters.Languages;

/// <summary>
/// Naive Bayes over character n-grams: how often each n-gram (<see cref="MinN"/> to <see cref="MaxN"/>
/// characters of a padded, lower-cased word; <see cref="CharacterNgrams"/>) occurs in each label's training text.
/// A text's score for a label is the sum of its n-grams' log probabilities under the label (each length a
/// distribution of its own), each smoothed towards the n-gram's frequency in all the labels' text together (a
/// Dirichlet prior of weight <see cref="Prior"/>); the probabilities it gives are those scores' softmax. On the few thousand lines a
/// group of close languages has, this generalizes to other registers better than a fastText model trained on
/// the same lines, whose word features learn the training text's vocabulary (docs/language-id.md, "Groups of
/// close languages"). Written by <see cref="Training.CharacterNgramTrainer"/> as a text file
/// (<see cref="Extension"/>); immutable once loaded and thread-safe.
/// </summary>
public sealed class CharacterNgramModel : ILabelPredictor
{
    /// <summary>The file extension of the format: <c>corpus-lid.group-nguni.ngrams</c>.</summary>
    public const string Extension = ".ngrams";

    private const string Format = "corpus-character-ngrams 1";

    private readonly string[] _labels;
    private readonly NgramTable _grams;

    // Occurrences of gram g under label l at [g * labels + l].
    private readonly int[] _counts;

    // log P(gram | label) at [g * labels + l], and that of an n-gram of length n no label's text holds at [n * labels + l].
    private readonly float[] _log;
    private readonly float[] _unseen;

    internal CharacterNgramModel(int minN, int maxN, double prior, string[] labels, NgramTable grams, int[] counts)
    {
        if (minN < 1 || maxN < minN || maxN > CharacterNgrams.BufferLength)
        {
            throw new InvalidDataException($"n-gram lengths {minN} to {maxN} are not a range within 1 to {CharacterNgrams.BufferLength}");
        }

        if (!(prior > 0) || double.IsInfinity(prior))
        {
            throw new InvalidDataException($"the prior weight {prior.ToString(CultureInfo.InvariantCulture)} is not a positive number");
        }

        if (labels.Length < 1 || counts.Length != (long)grams.Count * labels.Length)
        {
            throw new InvalidDataException($"{counts.Length} counts for {grams.Count} n-grams of {labels.Length} labels");
        }

        MinN = minN;
        MaxN = maxN;
        Prior = prior;
        _labels = labels;
        _grams = grams;
        _counts = counts;
        Labels = Array.AsReadOnly(labels);

        // Each n-gram length is a distribution of its own: a label's n-grams of length n are counted against its
        // total of that length, and so is the background (every label's text together, add-half smoothed so that an
        // unseen n-gram has some mass).
        var l = labels.Length;
        var orders = maxN + 1;
        var totals = new double[orders * l];
        var gramTotals = new double[grams.Count];
        var distinct = new double[orders];
        for (var g = 0; g < grams.Count; g++)
        {
            var n = grams[g].Length;
            if (n < minN || n > maxN)
            {
                throw new InvalidDataException($"the n-gram '{grams[g]}' is not {minN} to {maxN} characters long");
            }

            distinct[n]++;
            for (var j = 0; j < l; j++)
            {
                var c = counts[g * l + j];
                if (c < 0)
                {
                    throw new InvalidDataException($"the n-gram '{grams[g]}' has a negative count");
                }

                totals[n * l + j] += c;
                gramTotals[g] += c;
            }
        }

        var all = new double[orders];
        for (var n = minN; n <= maxN; n++)
        {
            for (var j = 0; j < l; j++)
            {
                all[n] += totals[n * l + j];
            }

            all[n] += 0.5 * distinct[n] + 0.5;
        }

        _log = new float[counts.Length];
        _unseen = new float[orders * l];
        for (var n = minN; n <= maxN; n++)
        {
            for (var j = 0; j < l; j++)
            {
                _unseen[n * l + j] = (float)Math.Log(prior * (0.5 / all[n]) / (totals[n * l + j] + prior));
            }
        }

        for (var g = 0; g < grams.Count; g++)
        {
            var n = grams[g].Length;
            var background = (gramTotals[g] + 0.5) / all[n];
            for (var j = 0; j < l; j++)
            {
                _log[g * l + j] = (float)Math.Log((counts[g * l + j] + prior * background) / (totals[n * l + j] + prior));
            }
        }
    }

    /// <summary>The shortest n-gram, in characters (a word's padding spaces count).</summary>
    public int MinN { get; }

    /// <summary>The longest n-gram, in characters.</summary>
    public int MaxN { get; }

    /// <summary>The weight of the prior: how many n-grams of a label's text the background counts as.</summary>
    public double Prior { get; }

    /// <summary>The labels, prefix included (<c>__label__zul_Latn</c>), in ordinal order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How many distinct n-grams the training text had.</summary>
    public int NgramCount => _grams.Count;

    /// <inheritdoc/>
    public int Predict(ReadOnlySpan<char> text, Span<FastTextPrediction> into, float threshold = 0f)
    {
        if (into.IsEmpty)
        {
            return 0;
        }

        var l = _labels.Length;
        Span<double> scores = l <= 64 ? stackalloc double[l] : new double[l];
        scores.Clear();
        Span<char> word = stackalloc char[CharacterNgrams.BufferLength];
        var grams = 0;
        foreach (var gram in CharacterNgrams.Of(text, MinN, MaxN, word))
        {
            grams++;
            var g = _grams.RowOf(gram);
            var row = g >= 0 ? _log.AsSpan(g * l, l) : _unseen.AsSpan(gram.Length * l, l);
            for (var j = 0; j < l; j++)
            {
                scores[j] += row[j];
            }
        }

        if (grams == 0)
        {
            return 0;
        }

        // Softmax of the scores; the best first, ties by label order.
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var j = 0; j < l; j++)
        {
            scores[j] = Math.Exp(scores[j] - max);
            sum += scores[j];
        }

        var written = 0;
        Span<bool> taken = l <= 64 ? stackalloc bool[l] : new bool[l];
        taken.Clear();
        while (written < into.Length && written < l)
        {
            var best = -1;
            for (var j = 0; j < l; j++)
            {
                if (!taken[j] && (best < 0 || scores[j] > scores[best]))
                {
                    best = j;
                }
            }

            var probability = (float)(scores[best] / sum);
            if (probability < threshold)
            {
                break;
            }

            taken[best] = true;
            into[written++] = new FastTextPrediction(best, _labels[best], probability);
        }

        return written;
    }

    /// <summary>Reads a model written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a character n-gram model; the message names the file and the line.</exception>
    public static CharacterNgramModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the character n-gram model '{path}' is missing", path);
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);
        var line = 0;
        try
        {
            string Next()
            {
                line++;
                return reader.ReadLine() ?? throw new InvalidDataException("the file ends early");
            }

            string Field(string name)
            {
                var text = Next();
                return text.StartsWith(name + " ", StringComparison.Ordinal) ? text[(name.Length + 1)..] : throw new InvalidDataException($"'{name} ...' was expected");
            }

            if (Next() != Format)
            {
                throw new InvalidDataException($"the first line is not '{Format}'");
            }

            var minN = ParseInt(Field("min-n"));
            var maxN = ParseInt(Field("max-n"));
            var prior = double.Parse(Field("prior"), NumberStyles.Float, CultureInfo.InvariantCulture);
            var labels = Field("labels").Split(' ');
            if (labels.Any(label => label.Length == 0) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
            {
                throw new InvalidDataException("the labels are not distinct names separated by single spaces");
            }

            var count = ParseInt(Field("ngrams"));
            if (count < 0)
            {
                throw new InvalidDataException($"{count} n-grams");
            }

            var grams = new NgramTable.Builder();
            var counts = new int[checked(count * labels.Length)];
            for (var g = 0; g < count; g++)
            {
                ReadOnlySpan<char> rest = Next();
                var tab = rest.IndexOf('\t');
                if (tab <= 0)
                {
                    throw new InvalidDataException("an n-gram line is 'NGRAM<TAB>COUNT...'");
                }

                grams.Add(rest[..tab]);
                for (var j = 0; j < labels.Length; j++)
                {
                    rest = tab < 0 ? [] : rest[(tab + 1)..];
                    tab = rest.IndexOf('\t');
                    var field = tab < 0 ? rest : rest[..tab];
                    if (field.IsEmpty || (tab >= 0) != (j < labels.Length - 1))
                    {
                        throw new InvalidDataException($"an n-gram line does not have {labels.Length} counts, one for each label");
                    }

                    counts[(g * labels.Length) + j] = int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }

            if (reader.ReadLine() is not null)
            {
                throw new InvalidDataException($"more lines follow the {count} n-grams");
            }

            return new CharacterNgramModel(minN, maxN, prior, labels, grams.Build(), counts);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or OverflowException or DecoderFallbackException)
        {
            throw new InvalidDataException($"'{path}' is not a character n-gram model (line {line}): {e.Message}", e);
        }
    }

    /// <summary>Writes the model as text: a header, then one line per n-gram (ordinal order) with its count under each label.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Format + "\n");
        writer.Write($"min-n {MinN.ToString(CultureInfo.InvariantCulture)}\n");
        writer.Write($"max-n {MaxN.ToString(CultureInfo.InvariantCulture)}\n");
        writer.Write($"prior {Prior.ToString("R", CultureInfo.InvariantCulture)}\n");
        writer.Write($"labels {string.Join(' ', _labels)}\n");
        writer.Write($"ngrams {_grams.Count.ToString(CultureInfo.InvariantCulture)}\n");
        var l = _labels.Length;
        for (var g = 0; g < _grams.Count; g++)
        {
            writer.Write(_grams[g]);
            for (var j = 0; j < l; j++)
            {
                writer.Write('\t');
                writer.Write(_counts[g * l + j].ToString(CultureInfo.InvariantCulture));
            }

            writer.Write('\n');
        }
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
