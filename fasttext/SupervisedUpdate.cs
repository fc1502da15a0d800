namespace Corpus.FastText;

/// <summary>
/// The training loop and the gradient step of each loss (fastText's <c>trainThread</c>,
/// <c>supervised</c>, <c>Model::update</c> and the losses' <c>forward</c>), single-threaded.
/// </summary>
internal sealed class SupervisedUpdate
{
    private readonly FastTextModel _model;
    private readonly DenseMatrix _input;
    private readonly DenseMatrix _output;
    private readonly FastTextRandom _random;
    private readonly HuffmanTree? _tree;
    private readonly double[]? _negativeCumulative;
    private readonly float[] _hidden;
    private readonly float[] _grad;
    private readonly float[] _scores;
    private double _lossSum;
    private long _examples;

    public SupervisedUpdate(FastTextModel model, DenseMatrix input, DenseMatrix output, FastTextRandom random)
    {
        _model = model;
        _input = input;
        _output = output;
        _random = random;
        var dim = model.Args.Dim;
        _hidden = new float[dim];
        _grad = new float[dim];
        _scores = new float[model.Labels.Count];
        var counts = model.Dictionary.LabelCounts();
        if (model.Args.Loss == FastTextLoss.HierarchicalSoftmax)
        {
            _tree = new HuffmanTree(counts);
        }
        else if (model.Args.Loss == FastTextLoss.NegativeSampling)
        {
            // fastText samples negatives in proportion to sqrt(count) (from a shuffled table); this draws from the same distribution.
            _negativeCumulative = new double[counts.Length];
            var sum = 0.0;
            for (var i = 0; i < counts.Length; i++)
            {
                sum += Math.Sqrt(counts[i]);
                _negativeCumulative[i] = sum;
            }
        }
    }

    public void Run(string path, FastTextTrainingOptions options, IProgress<FastTextTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var dictionary = _model.Dictionary;
        var total = options.Epoch * dictionary.NTokens;
        var words = new IntBuffer();
        var labels = new IntBuffer();
        var hashes = new IntBuffer();
        long tokenCount = 0;
        long localTokenCount = 0;
        var reported = -1;
        using var reader = Utf8LineReader.Open(path);
        var pending = ReadOnlySpan<byte>.Empty;
        var pendingNewline = false;
        var hasPending = false;
        while (tokenCount < total)
        {
            var fraction = (float)tokenCount / total;
            var lr = (float)(options.LearningRate * (1.0 - fraction));
            ReadOnlySpan<byte> line;
            bool newline;
            if (hasPending)
            {
                // What followed a literal </s>: fastText's next line.
                line = pending;
                newline = pendingNewline;
                hasPending = false;
            }
            else if (!reader.TryReadLine(out line, out newline))
            {
                reader.Rewind();
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            localTokenCount += dictionary.ReadLine(line, newline, words, labels, hashes, out var rest);
            if (rest >= 0)
            {
                pending = line[rest..];
                pendingNewline = newline;
                hasPending = true;
            }

            if (labels.Count > 0 && words.Count > 0)
            {
                var target = options.Loss == FastTextLoss.OneVsAll ? -1 : labels.Items[_random.NextInt(labels.Count)];
                Update(words.Span, labels.Span, target, lr, options.Neg);
            }

            if (localTokenCount > options.LrUpdateRate)
            {
                tokenCount += localTokenCount;
                localTokenCount = 0;
                var percent = (int)(100 * Math.Min(1.0, (double)tokenCount / total));
                if (percent != reported)
                {
                    reported = percent;
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new FastTextTrainingProgress(percent / 100.0, tokenCount, Loss));
                }
            }
        }
    }

    private double Loss => _examples == 0 ? 0 : _lossSum / _examples;

    private void Update(ReadOnlySpan<int> rows, ReadOnlySpan<int> labels, int target, float lr, int neg)
    {
        _model.ComputeHidden(rows, _hidden);
        Array.Clear(_grad);
        float loss;
        switch (_model.Args.Loss)
        {
            case FastTextLoss.Softmax:
                loss = Softmax(target, lr);
                break;
            case FastTextLoss.HierarchicalSoftmax:
                loss = 0;
                var path = _tree!.Paths[target];
                var code = _tree.Codes[target];
                for (var i = 0; i < path.Length; i++)
                {
                    loss += BinaryLogistic(path[i], code[i], lr);
                }

                break;
            case FastTextLoss.NegativeSampling:
                loss = BinaryLogistic(target, true, lr);
                for (var n = 0; n < neg && _negativeCumulative!.Length > 1; n++)
                {
                    loss += BinaryLogistic(Negative(target), false, lr);
                }

                break;
            default:
                loss = 0;
                for (var i = 0; i < _scores.Length; i++)
                {
                    loss += BinaryLogistic(i, labels.Contains(i), lr);
                }

                break;
        }

        _lossSum += loss;
        _examples++;
        FastTextVectors.Scale(_grad, (float)(1.0 / rows.Length));
        foreach (var row in rows)
        {
            FastTextVectors.Add(_input.Row(row), _grad);
        }
    }

    private float Softmax(int target, float lr)
    {
        var output = _scores.AsSpan();
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _output.Dot(_hidden, i);
        }

        FastTextVectors.SoftmaxInPlace(output);

        for (var i = 0; i < output.Length; i++)
        {
            var alpha = lr * ((i == target ? 1f : 0f) - output[i]);
            var row = _output.Row(i);
            FastTextVectors.AddScaled(_grad, row, alpha);
            FastTextVectors.AddScaled(row, _hidden, alpha);
        }

        return -SigmoidTables.Log(output[target]);
    }

    private float BinaryLogistic(int target, bool positive, float lr)
    {
        var row = _output.Row(target);
        var score = SigmoidTables.Sigmoid(FastTextVectors.Dot(_hidden, row));
        var alpha = lr * ((positive ? 1f : 0f) - score);
        FastTextVectors.AddScaled(_grad, row, alpha);
        FastTextVectors.AddScaled(row, _hidden, alpha);
        return positive ? -SigmoidTables.Log(score) : -SigmoidTables.Log(1f - score);
    }

    private int Negative(int target)
    {
        var cumulative = _negativeCumulative!;
        while (true)
        {
            var x = _random.NextDouble() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, x);
            i = i < 0 ? ~i : i + 1;
            i = Math.Min(i, cumulative.Length - 1);
            if (i != target)
            {
                return i;
            }
        }
    }
}
