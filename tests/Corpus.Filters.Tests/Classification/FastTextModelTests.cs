using Corpus.Filters.Classification.FastText;

namespace Corpus.Filters.Tests.Classification;

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

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        foreach (var m in models)
        {
            foreach (var line in lines)
            {
                total += m.Predict(line, into);
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
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
}
