using System.Text;

namespace Corpus.FastText;

/// <summary>
/// A fastText supervised classifier read from a fastText 0.9.x <c>.bin</c> or quantized
/// <c>.ftz</c> file (lid.176, GlotLID, or one trained by <see cref="FastTextTrainer"/>), predicting
/// as fastText 0.9.2 does: the same labels in the same order with the same probabilities.
/// Immutable once loaded; <see cref="Predict(ReadOnlySpan{char}, Span{FastTextPrediction}, float)"/>
/// may be called from any number of threads at once.
/// </summary>
public sealed class FastTextModel : ILabelPredictor
{
    /// <summary>The first int32 of every fastText model file.</summary>
    internal const int Magic = 793712314;

    /// <summary>The file format version fastText 0.9.x writes.</summary>
    internal const int Version = 12;

    private readonly FastTextMatrix _output;
    private readonly HuffmanTree? _tree;
    private readonly string[] _labels;

    internal FastTextModel(FastTextArgs args, FastTextDictionary dictionary, FastTextMatrix input, FastTextMatrix output, bool quantized, bool quantizedOutput)
    {
        Args = args;
        Dictionary = dictionary;
        Input = input;
        _output = output;
        IsQuantized = quantized;
        QuantizedOutput = quantizedOutput;
        _labels = [.. dictionary.Labels];
        Labels = Array.AsReadOnly(_labels);
        if (args.Loss == FastTextLoss.HierarchicalSoftmax)
        {
            _tree = new HuffmanTree(dictionary.LabelCounts());
        }
    }

    /// <summary>The model's hyper-parameters as its file stores them.</summary>
    public FastTextArgs Args { get; }

    /// <summary>The labels in the model's order (by descending training count), prefix included.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Whether the input matrix is product-quantized (a <c>.ftz</c> from <c>fasttext quantize</c>).</summary>
    public bool IsQuantized { get; }

    internal FastTextDictionary Dictionary { get; }

    internal FastTextMatrix Input { get; }

    internal FastTextMatrix Output => _output;

    internal bool QuantizedOutput { get; }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a fastText supervised model (the message names the file and why).</exception>
    public static FastTextModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream, path);
    }

    /// <summary>Reads a model from a stream; <paramref name="name"/> is what error messages call it.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a fastText supervised model.</exception>
    public static FastTextModel Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        // Vocabulary words are read byte by byte: an unbuffered stream gets a buffer (left undisposed, the stream is the caller's).
        var reader = new FastTextReader(stream is FileStream or MemoryStream or BufferedStream ? stream : new BufferedStream(stream, 1 << 16), name);
        var magic = reader.Int32();
        if (magic != Magic)
        {
            throw reader.Invalid($"magic number {magic} is not fastText's {Magic}");
        }

        var version = reader.Int32();
        if (version is < 11 or > Version)
        {
            throw reader.Invalid($"format version {version} is not supported (11 to {Version})");
        }

        var args = FastTextArgs.Read(reader);
        if (version == 11)
        {
            // Version 11 supervised models were trained without character n-grams.
            args = args with { MaxN = 0 };
        }

        var dictionary = FastTextDictionary.Read(reader, args);
        var quantized = reader.Bool();
        FastTextMatrix input = quantized ? QuantizedMatrix.Read(reader, "input") : DenseMatrix.Read(reader, "input");
        if (!quantized && dictionary.IsPruned)
        {
            throw reader.Invalid("the dictionary is pruned but the input matrix is not quantized");
        }

        var quantizedOutput = reader.Bool();
        FastTextMatrix output = quantized && quantizedOutput ? QuantizedMatrix.Read(reader, "output") : DenseMatrix.Read(reader, "output");
        if (input.Cols != args.Dim || output.Cols != args.Dim)
        {
            throw reader.Invalid($"matrix widths {input.Cols} (input) and {output.Cols} (output) differ from dim {args.Dim}");
        }

        if (input.Rows < dictionary.InputRowsNeeded)
        {
            throw reader.Invalid($"the input matrix has {input.Rows} rows, the dictionary needs {dictionary.InputRowsNeeded}");
        }

        var outputRows = args.Loss == FastTextLoss.HierarchicalSoftmax ? dictionary.NLabels - 1 : dictionary.NLabels;
        if (output.Rows < outputRows)
        {
            throw reader.Invalid($"the output matrix has {output.Rows} rows, {dictionary.NLabels} labels need {outputRows}");
        }

        return new FastTextModel(args, dictionary, input, output, quantized, quantized && quantizedOutput);
    }

    /// <summary>Writes the model as a fastText <c>.bin</c> (format version 12) that the fastText binary loads.</summary>
    /// <exception cref="InvalidOperationException">The model is quantized (only dense models are written).</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Input is not DenseMatrix input || _output is not DenseMatrix output)
        {
            throw new InvalidOperationException("a quantized model cannot be saved as .bin; save the model it was quantized from");
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        Args.Write(writer);
        Dictionary.Write(writer);
        writer.Write(false);
        input.Write(writer);
        writer.Write(false);
        output.Write(writer);
    }

    /// <summary>
    /// The <paramref name="k"/> most probable labels of one line, as fastText predicts for the line
    /// followed by a newline. Text after a newline, or after a literal <c>&lt;/s&gt;</c> token, is
    /// ignored: fastText reads it as another line.
    /// </summary>
    /// <param name="line">The text; tokens are separated by ASCII whitespace and NUL.</param>
    /// <param name="k">How many labels at most.</param>
    /// <param name="threshold">Labels below this probability are left out.</param>
    public IReadOnlyList<FastTextPrediction> Predict(string line, int k = 1, float threshold = 0f)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var into = new FastTextPrediction[Math.Min(k, _labels.Length)];
        var count = Predict(line.AsSpan(), into, threshold);
        return count == into.Length ? into : into[..count];
    }

    /// <summary>
    /// The most probable labels of one line, best first, into <paramref name="into"/> (k is its
    /// length). Allocates nothing in steady state; thread-safe.
    /// </summary>
    /// <returns>How many predictions were written.</returns>
    public int Predict(ReadOnlySpan<char> line, Span<FastTextPrediction> into, float threshold = 0f)
    {
        if (into.IsEmpty)
        {
            return 0;
        }

        var newline = line.IndexOf('\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }

        var scratch = FastTextScratch.Current;
        var bytes = scratch.Bytes(Encoding.UTF8.GetMaxByteCount(line.Length));
        var length = Encoding.UTF8.GetBytes(line, bytes);
        Dictionary.ReadLine(bytes.AsSpan(0, length), endsWithNewline: true, scratch.Words, labels: null, scratch.Hashes, out _);
        return PredictRows(scratch, scratch.Words.Span, into, threshold);
    }

    /// <summary>Predicts from input rows already read from a line (what <c>FastText::predict</c> does).</summary>
    internal int PredictRows(FastTextScratch scratch, ReadOnlySpan<int> rows, Span<FastTextPrediction> into, float threshold)
    {
        if (rows.IsEmpty || into.IsEmpty)
        {
            return 0;
        }

        var k = Math.Min(into.Length, _labels.Length);
        var hidden = scratch.Hidden(Args.Dim);
        ComputeHidden(rows, hidden);
        var heap = scratch.Heap(k + 1);
        int size;
        if (_tree is not null)
        {
            size = 0;
            Descend(_tree.Root, 0f, SigmoidTables.StdLog(threshold), k, heap, ref size, hidden);
        }
        else
        {
            var output = scratch.Output(_labels.Length);
            ComputeOutput(hidden, output);
            size = FindKBest(output, k, threshold, heap);
        }

        TopKHeap.Sort(heap, size);
        for (var i = 0; i < size; i++)
        {
            var entry = heap[i];
            into[i] = new FastTextPrediction(entry.Index, _labels[entry.Index], MathF.Exp(entry.Score));
        }

        return size;
    }

    /// <summary>The mean of the input rows (fastText multiplies by the float of 1.0 / count).</summary>
    internal void ComputeHidden(ReadOnlySpan<int> rows, Span<float> hidden)
    {
        if (Input is DenseMatrix dense)
        {
            dense.SumRows(rows, hidden);
        }
        else if (Input is QuantizedMatrix quantized)
        {
            quantized.SumRows(rows, hidden);
        }
        else
        {
            hidden.Clear();
            foreach (var row in rows)
            {
                Input.AddRowTo(hidden, row);
            }
        }

        FastTextVectors.Scale(hidden, (float)(1.0 / rows.Length));
    }

    /// <summary>Softmax (with the maximum subtracted) or one sigmoid per label, as the loss asks.</summary>
    private void ComputeOutput(ReadOnlySpan<float> hidden, Span<float> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _output.Dot(hidden, i);
        }

        if (Args.Loss == FastTextLoss.Softmax)
        {
            FastTextVectors.SoftmaxInPlace(output);
        }
        else
        {
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = SigmoidTables.Sigmoid(output[i]);
            }
        }
    }

    private static int FindKBest(ReadOnlySpan<float> output, int k, float threshold, Span<HeapEntry> heap)
    {
        var size = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] < threshold)
            {
                continue;
            }

            size = TopKHeap.Offer(heap, size, k, new HeapEntry(SigmoidTables.StdLog(output[i]), i));
        }

        return size;
    }

    /// <summary>Hierarchical softmax: depth first from the root, pruning paths below the threshold or the current k-th best.</summary>
    private void Descend(int node, float score, float logThreshold, int k, Span<HeapEntry> heap, ref int size, ReadOnlySpan<float> hidden)
    {
        if (score < logThreshold || (size == k && score < heap[0].Score))
        {
            return;
        }

        var tree = _tree!;
        if (tree.Left[node] == -1 && tree.Right[node] == -1)
        {
            size = TopKHeap.Offer(heap, size, k, new HeapEntry(score, node));
            return;
        }

        var f = _output.Dot(hidden, node - tree.Leaves);
        f = (float)(1.0 / (1 + Math.Exp(-f)));
        Descend(tree.Left[node], score + SigmoidTables.StdLog(1f - f), logThreshold, k, heap, ref size, hidden);
        Descend(tree.Right[node], score + SigmoidTables.StdLog(f), logThreshold, k, heap, ref size, hidden);
    }
}
