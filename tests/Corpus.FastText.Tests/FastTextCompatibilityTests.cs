using Corpus.FastText;

namespace Corpus.FastText.Tests;

/// <summary>Models trained and quantized by Debian's fastText 0.9.2 predict here exactly as the binary predicts.</summary>
[Collection(FastTextCollection.Name)]
public sealed class FastTextCompatibilityTests(FastTextReference reference)
{
    private IReadOnlyList<string> Lines => [.. reference.HeldOut.Take(300), .. FastTextReference.EdgeLines];

    [Theory]
    [InlineData("softmax")]
    [InlineData("hs")]
    [InlineData("ova")]
    [InlineData("ns")]
    public void Predictions_match_fasttext_binary_on_its_own_bin_model(string loss)
    {
        var path = reference.Model(loss, "-loss", loss);
        var model = FastTextModel.Load(path);

        model.IsQuantized.Should().BeFalse();
        model.Args.Loss.ToString().Should().Be(loss switch { "softmax" => "Softmax", "hs" => "HierarchicalSoftmax", "ova" => "OneVsAll", _ => "NegativeSampling" });
        model.Args.Should().BeEquivalentTo(new { Dim = 16, MinN = 2, MaxN = 4, WordNgrams = 2, Bucket = 100000, Epoch = 5, Model = 3 });
        model.Labels.Should().HaveCount(FastTextReference.Languages.Length).And.OnlyContain(l => l.StartsWith("__label__", StringComparison.Ordinal));
        FastTextReference.ShouldMatch(model, path, Lines, k: 3);
    }

    [Theory]
    [InlineData("softmax")]
    [InlineData("hs")]
    public void All_labels_come_back_in_fasttext_order_when_k_exceeds_the_label_count(string loss)
    {
        var path = reference.Model(loss, "-loss", loss);
        FastTextReference.ShouldMatch(FastTextModel.Load(path), path, [.. reference.HeldOut.Take(80), .. FastTextReference.EdgeLines], k: 20);
    }

    [Fact]
    public void Tied_probabilities_come_out_in_the_order_fasttext_heap_leaves_them()
    {
        // Trained hard, one-vs-all sigmoids saturate to exactly 0 for most labels: every line has ties.
        var path = reference.Model("ova-saturated", "-loss", "ova", "-epoch", "40", "-lr", "1.0");
        var lines = reference.HeldOut.Take(80).ToList();
        var expected = FastTextReference.PredictProb(path, lines, 20);
        expected.Count(e => e.Select(p => p.Probability).Distinct().Count() < e.Count).Should().BeGreaterThan(40, "the test needs ties");

        FastTextReference.ShouldMatch(FastTextModel.Load(path), path, lines, k: 20);
        FastTextReference.ShouldMatch(FastTextModel.Load(path), path, lines, k: 5);
    }

    [Fact]
    public void Predictions_match_fasttext_binary_without_subwords_or_word_ngrams()
    {
        var path = reference.Model("plain", "-minn", "0", "-maxn", "0", "-wordNgrams", "1");
        var model = FastTextModel.Load(path);

        model.Args.MaxN.Should().Be(0);
        FastTextReference.ShouldMatch(model, path, Lines, k: 2);
    }

    [Theory]
    [InlineData("small-softmax", "softmax", new[] { "-qnorm" })]
    [InlineData("small-ova", "ova", new[] { "-dsub", "3" })]
    [InlineData("softmax", "softmax", new[] { "-cutoff", "2000", "-qnorm" })]
    [InlineData("hs", "hs", new[] { "-cutoff", "3000", "-dsub", "4" })]
    [InlineData("many-softmax", "softmax", new[] { "-cutoff", "2000", "-qnorm", "-qout" })]
    [InlineData("many-hs", "hs", new[] { "-cutoff", "1000", "-qout", "-dsub", "3" })]
    public void Predictions_match_fasttext_binary_on_quantized_ftz_models(string name, string loss, string[] quantize)
    {
        // Without -cutoff every bucket is quantized, so those models get few buckets to stay quick.
        string[] train = name.StartsWith("small", StringComparison.Ordinal) ? ["-loss", loss, "-bucket", "3000"] : ["-loss", loss];
        var path = reference.Quantized(name, train, quantize);
        var model = FastTextModel.Load(path);

        model.IsQuantized.Should().BeTrue();
        model.QuantizedOutput.Should().Be(quantize.Contains("-qout"));
        model.Dictionary.IsPruned.Should().Be(quantize.Contains("-cutoff"));
        FastTextReference.ShouldMatch(model, path, Lines, k: 3);
        var save = () => model.Save(Path.Combine(reference.Folder, name + "-resaved.bin"));
        save.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_literal_end_of_sentence_token_ends_the_line_as_in_fasttext()
    {
        var path = reference.Model("softmax", "-loss", "softmax");
        var model = FastTextModel.Load(path);
        var lines = new[] { "la déclaration </s> universal declaration of human rights", "word </s>" };

        foreach (var line in lines)
        {
            // fastText reads what follows </s> as one more line: its first output line is the prediction for the part before.
            var expected = FastTextReference.PredictProb(path, [line], 3)[0];
            var actual = model.Predict(line, 3);
            actual.Select(p => p.Label).Should().Equal(expected.Select(e => e.Label));
            actual.Select(p => p.Probability).Should().Equal(expected.Select(e => e.Probability), (a, e) => Math.Abs(a - e) < 1e-4f);
        }

        var file = Path.Combine(reference.Folder, "eos-test.txt");
        File.WriteAllLines(file, ["__label__eng the right </s> __label__fra le droit", "__label__deu_1996 </s>", "__label__spa derecho"]);
        FastTextEvaluator.Evaluate(model, file, 2).Examples.Should().Be(FastTextReference.Test(path, file, 2).N).And.Be(4);
    }

    [Fact]
    public void A_threshold_drops_labels_below_it_as_the_binary_does()
    {
        var path = reference.Model("softmax", "-loss", "softmax");
        var model = FastTextModel.Load(path);
        var lines = reference.HeldOut.Take(100).ToList();
        var expected = FastTextReference.Fasttext(["predict-prob", path, "-", "5", "0.2"], string.Concat(lines.Select(l => l + "\n"))).Split('\n');

        for (var i = 0; i < lines.Count; i++)
        {
            var labels = model.Predict(lines[i], 5, 0.2f).Select(p => p.Label);
            string.Join(' ', labels).Should().Be(string.Join(' ', expected[i].Split(' ').Where((_, j) => j % 2 == 0)).Trim(), lines[i]);
        }
    }

    [Fact]
    public void Loading_and_saving_a_fasttext_bin_gives_back_the_same_bytes()
    {
        var path = reference.Model("hs", "-loss", "hs");
        var copy = Path.Combine(reference.Folder, "hs-copy.bin");

        FastTextModel.Load(path).Save(copy);

        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(path));
    }
}
