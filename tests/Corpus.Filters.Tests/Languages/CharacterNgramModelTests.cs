using Corpus.FastText;
using Corpus.Filters.Languages;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages;

public class CharacterNgramModelTests
{
    [Fact]
    public void Probabilities_are_the_softmax_of_smoothed_naive_Bayes_scores()
    {
        // Unigrams only, prior weight 1. Label A saw "a" once and "b" once, label B saw "b" twice: each label has two
        // unigrams, the background four, add-half smoothed over two distinct ones: 4 + 0.5 * 2 + 0.5 = 5.5.
        using var dir = new TempDir();
        var model = Train(dir, ["__label__A ab", "__label__B bb"], new CharacterNgramOptions(MinN: 1, MaxN: 1, Prior: 1));

        var backgroundA = (1 + 0.5) / 5.5;
        var pA = (1 + backgroundA) / (2 + 1);
        var pB = (0 + backgroundA) / (2 + 1);
        var into = new FastTextPrediction[2];
        model.Predict("a", into).Should().Be(2);
        into[0].Label.Should().Be("__label__A");
        into[0].Probability.Should().BeApproximately((float)(pA / (pA + pB)), 1e-6f);
        into[1].Probability.Should().BeApproximately((float)(pB / (pA + pB)), 1e-6f);

        // "c" is unseen: both labels have two unigrams, so they score alike; ties go by label order.
        model.Predict("c", into).Should().Be(2);
        into.Select(p => p.Probability).Should().Equal(0.5f, 0.5f);
        into[0].Label.Should().Be("__label__A");
    }

    [Fact]
    public void Words_are_lower_cased_letter_runs_padded_with_spaces_and_text_without_letters_gives_nothing()
    {
        using var dir = new TempDir();
        var model = Train(dir, ["__label__A ab", "__label__B ba"], new CharacterNgramOptions(MinN: 2, MaxN: 3, Prior: 1));
        var into = new FastTextPrediction[2];

        model.Predict("AB!", into).Should().Be(2);
        into[0].Label.Should().Be("__label__A", "' ab ' opens with ' a' and 'ab', as A's only word does");
        model.Predict("--- 12 ...", into).Should().Be(0, "no letter, no n-gram");
        model.Predict("ab", Span<FastTextPrediction>.Empty).Should().Be(0);
        model.Predict("ab", into, threshold: 0.99f).Should().BeLessThan(2, "labels below the threshold are left out");
    }

    [Fact]
    public void The_same_lines_give_the_same_file_and_a_saved_model_loads_back_with_the_same_answers()
    {
        using var dir = new TempDir();
        string[] lines = ["__label__zul_Latn Wonke umuntu unelungelo lempilo", "__label__xho_Latn Wonke umntu unelungelo lobomi", "__label__zul_Latn ukuthi abantu"];
        var first = Train(dir, lines, new CharacterNgramOptions(), "a.ngrams");
        Train(dir, lines.Reverse(), new CharacterNgramOptions(), "b.ngrams");

        File.ReadAllBytes(dir.File("a.ngrams")).Should().Equal(File.ReadAllBytes(dir.File("b.ngrams")), "counts do not depend on line order");
        var loaded = CharacterNgramModel.Load(dir.File("a.ngrams"));
        loaded.Labels.Should().Equal("__label__xho_Latn", "__label__zul_Latn");
        (loaded.MinN, loaded.MaxN, loaded.Prior, loaded.NgramCount).Should().Be((first.MinN, first.MaxN, first.Prior, first.NgramCount));
        loaded.Save(dir.File("c.ngrams"));
        File.ReadAllBytes(dir.File("c.ngrams")).Should().Equal(File.ReadAllBytes(dir.File("a.ngrams")));

        var a = new FastTextPrediction[2];
        var b = new FastTextPrediction[2];
        first.Predict("umntu lobomi", a);
        loaded.Predict("umntu lobomi", b);
        b.Should().Equal(a);
        a[0].Label.Should().Be("__label__xho_Latn");
    }

    [Fact]
    public void N_grams_seen_fewer_than_the_minimal_count_are_left_out()
    {
        using var dir = new TempDir();
        var all = Train(dir, ["__label__A aab", "__label__B b"], new CharacterNgramOptions(MinN: 1, MaxN: 1, Prior: 1));
        var common = Train(dir, ["__label__A aab", "__label__B b"], new CharacterNgramOptions(MinN: 1, MaxN: 1, Prior: 1, MinCount: 2), "common.ngrams");

        all.NgramCount.Should().Be(2);
        common.NgramCount.Should().Be(2, "'a' twice, 'b' twice");
        Train(dir, ["__label__A ab", "__label__B b"], new CharacterNgramOptions(MinN: 1, MaxN: 1, Prior: 1, MinCount: 2), "rare.ngrams")
            .NgramCount.Should().Be(1, "'a' is seen once");
    }

    [Fact]
    public void Training_refuses_unlabelled_lines_one_label_and_bad_options_naming_the_file()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("bad.txt"), ["__label__A ab", "no label here"]);
        var unlabelled = () => CharacterNgramTrainer.Train(dir.File("bad.txt"));
        unlabelled.Should().Throw<InvalidDataException>().WithMessage("*bad.txt:2*__label__*");

        File.WriteAllLines(dir.File("one.txt"), ["__label__A ab", "__label__A cd"]);
        var one = () => CharacterNgramTrainer.Train(dir.File("one.txt"));
        one.Should().Throw<InvalidDataException>().WithMessage("*one.txt*1 label*");

        File.WriteAllLines(dir.File("ok.txt"), ["__label__A ab", "__label__B cd"]);
        ((Action)(() => CharacterNgramTrainer.Train(dir.File("ok.txt"), new CharacterNgramOptions(MinN: 3, MaxN: 2)))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => CharacterNgramTrainer.Train(dir.File("ok.txt"), new CharacterNgramOptions(Prior: 0)))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => CharacterNgramTrainer.Train(dir.File("ok.txt"), new CharacterNgramOptions(MinCount: 0)))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("not a model\n", "*line 1*first line*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 2\nprior 1\nlabels __label__A __label__B\nngrams 2\na\t1\n", "*line 7*does not have 2 counts*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 2\nprior 1\nlabels __label__A __label__B\nngrams 2\na\t1\t2\n", "*ends early*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 2\nprior 1\nlabels __label__A __label__A\nngrams 0\n", "*not distinct*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 2\nprior -1\nlabels __label__A __label__B\nngrams 0\n", "*prior weight -1*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 1\nprior 1\nlabels __label__A __label__B\nngrams 1\nab\t1\t2\n", "*'ab' is not 1 to 1 characters*")]
    [InlineData("corpus-character-ngrams 1\nmin-n 1\nmax-n 1\nprior 1\nlabels __label__A __label__B\nngrams 1\na\t1\tx\n", "*line 7*")]
    public void A_file_that_is_not_a_model_is_refused_naming_it_and_the_reason(string content, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("m.ngrams"), content);
        var load = () => CharacterNgramModel.Load(dir.File("m.ngrams"));

        load.Should().Throw<InvalidDataException>().WithMessage("*m.ngrams*").WithMessage(message);
        ((Action)(() => CharacterNgramModel.Load(dir.File("missing.ngrams")))).Should().Throw<FileNotFoundException>();
    }

    private static CharacterNgramModel Train(TempDir dir, IEnumerable<string> lines, CharacterNgramOptions options, string name = "m.ngrams")
    {
        var train = dir.File(name + ".txt");
        File.WriteAllLines(train, lines);
        var model = CharacterNgramTrainer.Train(train, options);
        model.Save(dir.File(name));
        return model;
    }

    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("corpus-ngrams-");

        public string File(string name) => Path.Combine(_dir.FullName, name);

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
