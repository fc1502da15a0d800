using Corpus.FastText;

namespace Corpus.FastText.Tests;

/// <summary>Loading bad files, the allocation-free span path, and sharing one model between threads.</summary>
[Collection(FastTextCollection.Name)]
public sealed class FastTextModelTests(FastTextReference reference)
{
    [Fact]
    public void A_truncated_model_gives_an_invalid_data_exception_naming_the_file()
    {
        var bytes = File.ReadAllBytes(reference.Model("softmax", "-loss", "softmax"));
        foreach (var length in new[] { 0, 3, 8, 40, 70, 500, bytes.Length / 2, bytes.Length - 1 })
        {
            var path = Path.Combine(reference.Folder, $"truncated-{length}.bin");
            File.WriteAllBytes(path, bytes[..length]);

            var load = () => FastTextModel.Load(path);

            load.Should().Throw<InvalidDataException>().WithMessage($"{path}: *ends early*", $"cut at {length} bytes");
        }
    }

    [Fact]
    public void Garbage_and_foreign_files_give_an_invalid_data_exception_with_the_reason()
    {
        var garbage = Path.Combine(reference.Folder, "garbage.bin");
        File.WriteAllText(garbage, "this is not a fastText model, just some text\n");
        var load = () => FastTextModel.Load(garbage);
        load.Should().Throw<InvalidDataException>().WithMessage($"{garbage}: *magic number*");

        var bytes = File.ReadAllBytes(reference.Model("softmax", "-loss", "softmax"));
        var future = (byte[])bytes.Clone();
        future[4] = 13;
        load = () => FastTextModel.Load(new MemoryStream(future), "future.bin");
        load.Should().Throw<InvalidDataException>().WithMessage("future.bin: *version 13*");

        var unsupervised = (byte[])bytes.Clone();
        unsupervised[8 + (7 * 4)] = 2;
        load = () => FastTextModel.Load(new MemoryStream(unsupervised), "skipgram.bin");
        load.Should().Throw<InvalidDataException>().WithMessage("skipgram.bin: *not supervised*");
    }

    [Theory]
    [InlineData("softmax", new[] { "-cutoff", "2000", "-qnorm" })]
    [InlineData("hs", new[] { "-cutoff", "3000", "-dsub", "4" })]
    [InlineData("small-ova", new[] { "-dsub", "3" })]
    public void Quantized_rows_summed_in_registers_give_the_floats_of_adding_row_by_row(string name, string[] quantize)
    {
        var loss = name.Replace("small-", string.Empty, StringComparison.Ordinal);
        string[] train = name.StartsWith("small", StringComparison.Ordinal) ? ["-loss", loss, "-bucket", "3000"] : ["-loss", loss];
        var model = FastTextModel.Load(reference.Quantized(name, train, quantize));
        var input = (QuantizedMatrix)model.Input;
        var random = new Random(2);
        var rows = Enumerable.Range(0, 300).Select(_ => random.Next((int)input.Rows)).ToArray();
        var expected = new float[input.Cols];
        foreach (var row in rows)
        {
            input.AddRowTo(expected, row);
        }

        var actual = Enumerable.Repeat(42f, input.Cols).ToArray();
        input.SumRows(rows, actual);

        actual.Should().Equal(expected);
    }

    [Fact]
    public void A_model_loads_from_a_stream_that_cannot_seek()
    {
        var path = reference.Quantized("softmax", ["-loss", "softmax"], "-cutoff", "2000", "-qnorm");
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(path));

        var model = FastTextModel.Load(stream, "piped.ftz");

        model.IsQuantized.Should().BeTrue();
        model.Predict("Everyone has the right to life", 1)[0].Label.Should().Be(FastTextModel.Load(path).Predict("Everyone has the right to life", 1)[0].Label);
        using var truncated = new ForwardOnlyStream(File.ReadAllBytes(path)[..1000]);
        var load = () => FastTextModel.Load(truncated, "piped-truncated.ftz");
        load.Should().Throw<InvalidDataException>().WithMessage("piped-truncated.ftz: *");
    }

    [Fact]
    public void Span_prediction_allocates_nothing_in_steady_state()
    {
        var model = FastTextModel.Load(reference.Model("softmax", "-loss", "softmax"));
        var hs = FastTextModel.Load(reference.Model("hs", "-loss", "hs"));
        var quantized = FastTextModel.Load(reference.Quantized("softmax", ["-loss", "softmax"], "-cutoff", "2000", "-qnorm"));
        var lines = reference.HeldOut.Take(50).Concat(FastTextReference.EdgeLines).ToArray();
        var into = new FastTextPrediction[3];
        var models = new[] { model, hs, quantized };
        foreach (var m in models)
        {
            foreach (var line in lines)
            {
                m.Predict(line, into);
            }
        }

        // Steady state: the fewest bytes of three passes (a one-time allocation of the runtime's, such as
        // a method tiering up mid-pass, can land in one of them; a prediction that allocates shows in all).
        var fewest = long.MaxValue;
        var total = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            total = 0;
            foreach (var m in models)
            {
                foreach (var line in lines)
                {
                    total += m.Predict(line, into);
                }
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewest.Should().Be(0);
        total.Should().BeGreaterThan(lines.Length * 3 * 2);
    }

    [Fact]
    public void One_model_predicts_the_same_from_many_threads_at_once()
    {
        var model = FastTextModel.Load(reference.Model("softmax", "-loss", "softmax"));
        var lines = reference.HeldOut.ToArray();
        var expected = lines.Select(l => model.Predict(l, 2)).ToArray();

        var actual = new IReadOnlyList<FastTextPrediction>[lines.Length];
        Parallel.For(0, lines.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var into = new FastTextPrediction[2];
            var n = model.Predict(lines[i % lines.Length], into);
            if (i >= lines.Length * 3)
            {
                actual[i % lines.Length] = into[..n];
            }
        });

        for (var i = 0; i < lines.Length; i++)
        {
            actual[i].Should().Equal(expected[i]);
        }
    }

    [Fact]
    public void Predict_returns_at_most_k_labels_best_first_with_their_indexes()
    {
        var model = FastTextModel.Load(reference.Model("softmax", "-loss", "softmax"));

        var all = model.Predict("Everyone has the right to life, liberty and security of person.", 100);

        all.Should().HaveCount(model.Labels.Count);
        all[0].Label.Should().Be("__label__eng");
        all.Select(p => p.Probability).Should().BeInDescendingOrder();
        all.Should().OnlyContain(p => model.Labels[p.LabelIndex] == p.Label);
        all.Sum(p => p.Probability).Should().BeApproximately(1f, 1e-3f);
        model.Predict("Everyone has the right", 1).Should().ContainSingle();
        model.Predict(ReadOnlySpan<char>.Empty, Span<FastTextPrediction>.Empty).Should().Be(0);
    }

    /// <summary>A read-only stream without seeking or a length, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
