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
            var train = Path.Combine(dir, "train.txt");
            var lines = new List<string>();
            for (var i = 0; i < 100; i++)
            {
                lines.Add("__label__eng_Latn the cat sat on the mat and the dog ran in the park");
                lines.Add("__label__deu_Latn die katze sitzt auf der matte und der hund rennt im park");
            }

            File.WriteAllLines(train, lines);
            var model = Path.Combine(dir, "m.bin");
            var trained = TestEnvironment.Run(null, "lid", "train", "--in", train, "--out", model, "--dim", "8", "--epoch", "5", "--bucket", "1000", "--min-count", "1");
            trained.ExitCode.Should().Be(0, trained.Stderr);

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
}
