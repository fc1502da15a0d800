using System.Globalization;
using Corpus.Cli.Commands.Lid;
using Corpus.Filters.Languages;
using Corpus.Ingest.Sample;

namespace Corpus.Cli.Tests;

public sealed class LidCommandTests
{
    [Fact]
    public void Lid_predict_writes_label_tab_probability_per_line_with_the_built_in_model()
    {
        var input = "Alle Menschen sind frei und gleich an Würde und Rechten geboren.\n\nВсе люди рождаются свободными и равными.\n";

        var (code, stdout, stderr) = TestEnvironment.Run(input, "lid", "predict");

        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n');
        lines.Should().HaveCount(4, "three input lines, each ending with LF in the output");
        lines[0].Should().MatchRegex("^deu_Latn\t[01](\\.[0-9]+)?$");
        lines[1].Should().MatchRegex("^[a-z]{3}_[A-Z][a-z]{3}\t", "an empty line is judged as fastText judges it, by its end-of-line token alone");
        lines[2].Should().StartWith("rus_Cyrl\t");
    }

    [Fact]
    public void Lid_predict_with_k_writes_k_pairs_best_first()
    {
        var (code, stdout, stderr) = TestEnvironment.Run("Tous les êtres humains naissent libres et égaux en dignité et en droits.\n", "lid", "predict", "--k", "3");

        code.Should().Be(0, stderr);
        var fields = stdout.TrimEnd('\n').Split('\t');
        fields.Should().HaveCount(6);
        fields[0].Should().Be("fra_Latn");
        fields.Where((_, i) => i % 2 == 0).Should().OnlyContain(l => !l.StartsWith("__label__", StringComparison.Ordinal) && l.Length == 8);
        var probabilities = fields.Where((_, i) => i % 2 == 1).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
        probabilities.Should().BeInDescendingOrder().And.OnlyContain(
            p => p >= 0 && p <= 1 + 1e-5, "fastText reports exp(log(p + 1e-5)), so a certain answer prints as 1.00001");
    }

    [Fact]
    public void Lid_predict_answers_each_line_as_lid_eval_judges_it_and_raw_gives_the_models_own()
    {
        // The held-out UDHR paragraphs of every language, the group languages' among them, one a line.
        var tests = UdhrLidText.HeldOut(UdhrLibrary.Load())
            .Where(t => t.Text.Length <= new LanguageIdentifierOptions().MaxChunkLength && !t.Text.Contains('\n', StringComparison.Ordinal))
            .ToList();
        tests.Select(t => t.Label).Should().Contain(["zul_Latn", "xho_Latn", "tir_Ethi"]);
        var identifier = LanguageIdentifier.LoadDefault(new LanguageIdentifierOptions { MinScore = 0 });
        var input = string.Concat(tests.Select(t => t.Text + "\n"));

        var (code, stdout, stderr) = TestEnvironment.Run(input, "lid", "predict", "--k", "2");
        var raw = TestEnvironment.Run(input, "lid", "predict", "--raw");

        code.Should().Be(0, stderr);
        raw.ExitCode.Should().Be(0, raw.Stderr);
        var answers = stdout.TrimEnd('\n').Split('\n');
        var rawAnswers = raw.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]).ToList();
        answers.Should().HaveCount(tests.Count);
        var expected = tests.Select(t => identifier.Identify(t.Text).Shares[0].Language.ToString()).ToList();
        answers.Select(a => a.Split('\t')[0]).Should().Equal(expected, "the first language is the identifier's answer");
        answers.Should().OnlyContain(a => a.Split('\t').Length == 2 || a.Split('\t').Length == 4, "at most two languages a line (one where the model has one label of the script)");
        answers.Count(a => a.Split('\t').Length == 4).Should().BeGreaterThan(tests.Count / 2);
        rawAnswers.Should().HaveCount(tests.Count);
        var differ = rawAnswers.Where((r, i) => r != expected[i]).Count();
        differ.Should().BeGreaterThan(0, "without the script guard, weights and group models some answers differ");
    }

    [Fact]
    public void Lid_predict_never_names_a_language_of_another_script_unless_asked_for_the_raw_model()
    {
        var dir = TestEnvironment.NewTempDir("lid");
        try
        {
            // A model that has learned Cyrillic text under a Latin-script label.
            var (_, model) = TrainTwoLabels(dir, "__label__eng_Latn привет мир как дела хорошо спасибо", "__label__rus_Cyrl книга стол окно дверь улица город");
            const string text = "привет мир как дела хорошо спасибо\n";

            var raw = TestEnvironment.Run(text, "lid", "predict", "--model", model, "--raw", "--k", "2");
            var ruled = TestEnvironment.Run(text, "lid", "predict", "--model", model, "--k", "2");

            raw.Stdout.Should().StartWith("eng_Latn\t", raw.Stderr);
            ruled.ExitCode.Should().Be(0, ruled.Stderr);
            ruled.Stdout.Should().MatchRegex("^rus_Cyrl\t[0-9.]+\n$", "the only label of the line's script");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, new[] { "lid", "predict", "--k", "0" })]
    [InlineData(2, new[] { "lid", "predict", "stray" })]
    [InlineData(2, new[] { "lid", "train", "--out", "x.bin" })]
    [InlineData(2, new[] { "lid", "eval", "--udhr", "--in", "x.txt" })]
    [InlineData(2, new[] { "lid", "build-model", "--packages", "/nonexistent", "--out", "/tmp/x.bin", "--min-line-length", "300", "--max-line-length", "100" })]
    [InlineData(2, new[] { "lid", "build-model", "--packages", "/nonexistent", "--out", "/tmp/x.bin", "--max-line-length", "1" })]
    [InlineData(2, new[] { "lid", "build-model", "--packages", "/nonexistent", "--out", "/tmp/x.bin", "--udhr-min-length", "300", "--udhr-max-length", "100" })]
    [InlineData(2, new[] { "lid", "build-model", "--packages", "/nonexistent", "--out", "/tmp/x.bin", "--min-lines", "0" })]
    [InlineData(2, new[] { "lid", "build-model", "--packages", "/nonexistent", "--out", "/tmp/x.bin", "--word-list-lines", "-1" })]
    [InlineData(1, new[] { "lid", "predict", "--model", "/nonexistent/model.bin" })]
    [InlineData(1, new[] { "lid", "train", "--in", "/nonexistent/train.txt", "--out", "/tmp/x.bin" })]
    [InlineData(1, new[] { "lid", "train", "--engine", "ngrams", "--in", "/nonexistent/train.txt", "--out", "/tmp/x.ngrams" })]
    [InlineData(2, new[] { "lid", "train", "--engine", "ngrams", "--in", "x.txt", "--out", "x.ngrams", "--dim", "8" })]
    [InlineData(2, new[] { "lid", "train", "--engine", "words", "--in", "x.txt", "--out", "x.bin" })]
    [InlineData(2, new[] { "lid", "train", "--in", "x.txt", "--out", "x.bin", "--prior", "10" })]
    [InlineData(2, new[] { "lid", "train", "--engine", "ngrams", "--in", "x.txt", "--out", "x.ngrams", "--prior", "0" })]
    [InlineData(1, new[] { "lid", "build-model", "--groups-only", "--data", "/nonexistent/train.txt", "--out", "/tmp/x.bin" })]
    public void Lid_commands_fail_with_the_usual_exit_codes(int expected, string[] args)
    {
        var (code, _, stderr) = TestEnvironment.Run(string.Empty, args);

        code.Should().Be(expected, stderr);
        stderr.Should().StartWith("corpus lid ");
    }

    [Fact]
    public void Lid_train_then_eval_on_a_labelled_file()
    {
        var dir = TestEnvironment.NewTempDir("lid");
        try
        {
            var (train, model) = TrainTwoLabels(dir, "__label__eng_Latn the cat sat on the mat and the dog ran in the park", "__label__deu_Latn die katze sitzt auf der matte und der hund rennt im park");

            var (code, stdout, stderr) = TestEnvironment.Run(null, "lid", "eval", "--model", model, "--in", train);

            code.Should().Be(0, stderr);
            stdout.Should().MatchRegex("deu_Latn +yes +yes +100 +100 +100");
            stdout.Should().Contain("every label the model covers (2): 100");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Built_in_model_reaches_97_percent_macro_accuracy_over_covered_qwen3_languages_on_held_out_udhr()
    {
        var tests = UdhrLidText.HeldOut(UdhrLibrary.Load()).ToList();
        tests.Should().NotContain(t => t.Text.Length < UdhrLidText.MinTestLength);

        var report = LidEvalCommand.Evaluate(LanguageIdentifier.LoadDefault(), tests, CancellationToken.None);

        report.Rows.Count(r => r.Qwen3 && r.InModel).Should().BeGreaterThan(90);
        report.MacroQwen3.Should().BeGreaterThanOrEqualTo(0.97, report.Table);
    }

    [Theory]
    [InlineData(20, 100)] // the recipe's passages
    [InlineData(100, 400)] // long ones, which could hold a whole held-out paragraph
    public void Held_out_udhr_paragraphs_never_reach_the_training_passages(int minLength, int maxLength)
    {
        var udhr = UdhrLibrary.Load();
        var training = UdhrLidText.Training(udhr, minLength, maxLength).ToLookup(t => t.Label, t => t.Text, StringComparer.Ordinal);
        var heldOut = UdhrLidText.HeldOut(udhr).ToList();

        heldOut.Should().NotBeEmpty();
        heldOut.Should().NotContain(t => training[t.Label].Any(p => p.Contains(t.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Lid_train_with_the_ngrams_engine_tells_the_nguni_languages_apart_on_held_out_udhr()
    {
        string[] nguni = ["nbl_Latn", "ssw_Latn", "xho_Latn", "zul_Latn"];
        var udhr = UdhrLibrary.Load();
        var dir = TestEnvironment.NewTempDir("lid-ngrams");
        try
        {
            var train = Path.Combine(dir, "train.txt");
            File.WriteAllLines(train, UdhrLidText.Training(udhr, 20, 100).Where(t => nguni.Contains(t.Label)).Select(t => $"__label__{t.Label} {t.Text}"));
            var model = Path.Combine(dir, "nguni.ngrams");

            var (code, _, stderr) = TestEnvironment.Run(null, "lid", "train", "--engine", "ngrams", "--in", train, "--out", model);

            code.Should().Be(0, stderr);
            stderr.Should().Contain("4 labels").And.Contain("n-grams");
            var ngrams = CharacterNgramModel.Load(model);
            (ngrams.MinN, ngrams.MaxN).Should().Be((1, 5), "the recipe's n-gram lengths are the default");
            var heldOut = UdhrLidText.HeldOut(udhr).Where(t => nguni.Contains(t.Label)).ToList();
            heldOut.Select(t => t.Label).Distinct().Should().HaveCount(4);
            var into = new Corpus.FastText.FastTextPrediction[1];
            var right = heldOut.Count(t => ngrams.Predict(t.Text, into) == 1 && into[0].Label == "__label__" + t.Label);
            ((double)right / heldOut.Count).Should().BeGreaterThan(0.9, $"{right} of {heldOut.Count} held-out paragraphs");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Lid_build_model_groups_only_trains_each_groups_model_of_its_kind_and_removes_stale_ones()
    {
        var dir = TestEnvironment.NewTempDir("lid-groups");
        try
        {
            var data = Path.Combine(dir, "train.txt");
            File.WriteAllLines(data, Enumerable.Range(0, 20).SelectMany(i => new[]
            {
                $"__label__zul_Latn ukuthi abantu bonke {i}", $"__label__xho_Latn ukuba abantu bonke {i}",
                $"__label__nso_Latn gore batho ka moka {i}", $"__label__tsn_Latn gore batho botlhe {i}", $"__label__eng_Latn all people {i}",
            }));
            var output = Path.Combine(dir, "lid.bin");
            File.WriteAllText(Path.Combine(dir, "lid.group-nguni.bin"), "the kind the group had before");
            File.WriteAllText(Path.Combine(dir, "lid.group-cushitic.ngrams"), "a group that has no text now");

            var (code, _, stderr) = TestEnvironment.Run(null, "lid", "build-model", "--groups-only", "--data", data, "--out", output);

            code.Should().Be(0, stderr);
            File.Exists(output).Should().BeFalse("--groups-only leaves the main model alone");
            CharacterNgramModel.Load(Path.Combine(dir, "lid.group-nguni.ngrams")).Labels.Should().Equal("__label__xho_Latn", "__label__zul_Latn");
            Corpus.FastText.FastTextModel.Load(Path.Combine(dir, "lid.group-sotho-tswana.bin")).Labels.Should().BeEquivalentTo("__label__nso_Latn", "__label__tsn_Latn");
            File.Exists(Path.Combine(dir, "lid.group-nguni.bin")).Should().BeFalse("the group's model is an n-gram model now");
            File.Exists(Path.Combine(dir, "lid.group-cushitic.ngrams")).Should().BeFalse();
            stderr.Should().Contain("group cushitic skipped");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // `corpus lid train` on 100 copies of each of two labelled lines in `dir`: the training file and the model.
    private static (string Train, string Model) TrainTwoLabels(string dir, string first, string second)
    {
        var train = Path.Combine(dir, "train.txt");
        File.WriteAllLines(train, Enumerable.Range(0, 100).SelectMany(_ => new[] { first, second }));
        var model = Path.Combine(dir, "m.bin");
        var trained = TestEnvironment.Run(null, "lid", "train", "--in", train, "--out", model, "--dim", "8", "--epoch", "5", "--bucket", "1000", "--min-count", "1");
        trained.ExitCode.Should().Be(0, trained.Stderr);
        return (train, model);
    }
}
