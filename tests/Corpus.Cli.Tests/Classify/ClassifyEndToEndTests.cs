using System.Globalization;
using Corpus.Filters.Classification;
using Corpus.Tests.Shared;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests.Classify;

/// <summary>
/// The FineWeb-Edu loop end to end through the real CLI: a build folder of generated documents,
/// <c>corpus classify annotate</c> against a scripted OpenAI-compatible server on 127.0.0.1,
/// <c>corpus classify train</c>, then the trained classifiers on documents they never saw.
/// </summary>
public sealed class ClassifyEndToEndTests : IAsyncLifetime
{
    private const int PerKind = 200;
    private readonly string _root = TestEnvironment.NewTempDir("classify");
    private ScriptedChatServer _server = null!;

    public Task InitializeAsync()
    {
        _server = ScriptedChatServer.Start(r => ScriptedReply.Answer(ScriptedCorpus.Answer(DocumentOf(r.UserMessage))) with { Delay = TimeSpan.FromMilliseconds(2) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static string DocumentOf(string prompt)
    {
        var start = prompt.IndexOf("<document>\n", StringComparison.Ordinal) + "<document>\n".Length;
        var end = prompt.LastIndexOf("\n</document>", StringComparison.Ordinal);
        return prompt[start..end];
    }

    /// <summary>Writes the generated documents as text files in two folders and extracts each into a docs/ part of a build folder.</summary>
    private (string Build, List<string> Texts) WriteBuild()
    {
        var rng = new Random(20261129);
        var texts = new List<string>();
        var build = Path.Combine(_root, "build");
        for (var part = 0; part < 2; part++)
        {
            var folder = Path.Combine(_root, "in", $"p{part}");
            Directory.CreateDirectory(folder);
            Directory.CreateDirectory(Path.Combine(build, "docs"));
            foreach (var kind in ScriptedCorpus.Kinds)
            {
                for (var i = 0; i < PerKind / 2; i++)
                {
                    var text = ScriptedCorpus.Document(kind, rng);
                    texts.Add(text);
                    File.WriteAllText(Path.Combine(folder, $"{kind.Name}-{i:D4}.txt"), text + "\n");
                }
            }

            var (code, _, stderr) = TestEnvironment.Run(null, "extract", folder, "--out", Path.Combine(build, "docs", $"part-{part:D5}.parquet"));
            code.Should().Be(0, stderr);
        }

        return (build, texts);
    }

    [Fact]
    public async Task Annotate_then_train_separates_the_scripted_labels_on_held_back_documents()
    {
        var (build, texts) = WriteBuild();

        var annotate = TestEnvironment.Run(null, "classify", "annotate", "--build", build, "--endpoint", _server.BaseUrl, "--model", "scripted-qwen", "--concurrency", "8");

        annotate.ExitCode.Should().Be(0, annotate.Stderr);
        var malformed = _server.Requests.Count(r => ScriptedCorpus.MalformedKind(DocumentOf(r.UserMessage)) != 0);
        malformed.Should().BeGreaterThan(20, "the script garbles about one answer in twenty-five");
        _server.Requests.Should().HaveCount(texts.Count);
        _server.MaxInFlight.Should().BeLessThanOrEqualTo(8);
        annotate.Stdout.Should().Contain($"of {texts.Count:N0} sampled documents");
        var (annotated, failures) = await ReadAnnotationsAsync(build);
        failures.Should().HaveCount(malformed).And.OnlyContain(f => f.Reason.StartsWith("unparsed: ", StringComparison.Ordinal) && f.Response.Length > 0);
        failures.Select(f => f.Reason).Should().Contain(r => r.Contains("no 'Educational score: N' line", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("outside 0 to 5", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("domain 'cooking-and-lifestyle' is not one of", StringComparison.Ordinal));
        annotated.Should().Be(texts.Count - malformed);
        annotate.Stdout.Should().Contain($"{malformed} unparsed");

        var models = Path.Combine(_root, "models");
        var train = TestEnvironment.Run(null, "classify", "train", "--build", build, "--out", models, "--seed", "3");

        train.ExitCode.Should().Be(0, train.Stderr);
        train.Stdout.Should().Contain("domain: N").And.Contain("__label__domain_math").And.Contain("edu: N");
        File.Exists(Path.Combine(models, "edu.bin")).Should().BeTrue();
        File.ReadLines(Path.Combine(models, "domain.train.txt")).First().Should().StartWith("__label__domain_");

        // Documents the classifiers never saw, labelled by the same scripted judgement.
        var rng = new Random(777);
        var heldBack = Enumerable.Range(0, 300).Select(i => ScriptedCorpus.Document(ScriptedCorpus.Kinds[i % ScriptedCorpus.Kinds.Count], rng)).ToList();
        var expected = heldBack.Select(ScriptedCorpus.Judge).ToList();
        var input = Path.Combine(_root, "held-back.txt");
        File.WriteAllLines(input, heldBack.Select(t => FastTextLines.Flatten(t)));

        var domain = TestEnvironment.Run(null, "classify", "predict", "--model", Path.Combine(models, "domain.bin"), "--in", input);
        domain.ExitCode.Should().Be(0, domain.Stderr);
        var domains = domain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ToList();
        domains.Should().HaveCount(heldBack.Count);
        var accuracy = domains.Zip(expected, (d, k) => d == "domain_" + k.Domain).Count(x => x) / (double)heldBack.Count;
        accuracy.Should().BeGreaterThanOrEqualTo(0.9);

        var edu = TestEnvironment.Run(null, "classify", "predict", "--model", Path.Combine(models, "edu.bin"), "--in", input, "--k", "6");
        edu.ExitCode.Should().Be(0, edu.Stderr);
        var eduScores = edu.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ExpectedScore).ToList();
        var rho = Spearman(eduScores, expected.Select(k => (double)k.EduScore).ToList());
        rho.Should().BeGreaterThanOrEqualTo(0.85);

        // The library classifier agrees with the CLI on the same models.
        var classifier = DocumentClassifier.Load(Path.Combine(models, "edu.bin"), Path.Combine(models, "domain.bin"));
        for (var i = 0; i < 20; i++)
        {
            var c = classifier.Classify(heldBack[i]);
            ("domain_" + c.Domain).Should().Be(domains[i]);
            c.EduScore.Should().BeApproximately(eduScores[i], 1e-3);
        }

        // And the whole build labelled with them.
        var label = TestEnvironment.Run(null, "classify", "label", "--build", build, "--models", models);
        label.ExitCode.Should().Be(0, label.Stderr);
        label.Stdout.Should().Contain($"labelled {texts.Count:N0} documents").And.Contain("domains:").And.Contain("code:");
        var labels = await ReadLabelsAsync(build);
        labels.Should().HaveCount(texts.Count);
        var buildAccuracy = labels.Count(l => l.Domain == ScriptedCorpus.Judge(l.Text).Domain) / (double)labels.Count;
        buildAccuracy.Should().BeGreaterThanOrEqualTo(0.9);
        var listings = labels.Where(l => ScriptedCorpus.Judge(l.Text).Name == "code").ToList();
        listings.Count(l => l.CodeKind != "prose").Should().BeGreaterThanOrEqualTo((int)(0.9 * listings.Count));
        var proseKinds = labels.Where(l => ScriptedCorpus.Judge(l.Text).Name is "recipe" or "news" or "story" or "history").ToList();
        proseKinds.Count(l => l.CodeKind == "prose").Should().BeGreaterThanOrEqualTo((int)(0.9 * proseKinds.Count));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"classify e2e: {texts.Count} documents, {malformed} malformed answers, held-back domain accuracy {accuracy:P1}, edu Spearman {rho:F3}"));
    }

    [Fact]
    public void Eval_prints_precision_and_recall_per_label_and_predict_reads_stdin()
    {
        var train = Path.Combine(_root, "train.txt");
        var rng = new Random(5);
        File.WriteAllLines(train, Enumerable.Range(0, 400).Select(i =>
        {
            var kind = ScriptedCorpus.Kinds[i % 3];
            return FastTextLines.DomainLine(kind.Domain, ScriptedCorpus.Document(kind, rng));
        }));
        var model = Path.Combine(_root, "m.bin");
        var options = new FastText.FastTextTrainingOptions { Epoch = 10, Dim = 16, Bucket = 10_000, LearningRate = 0.5 };
        FastText.FastTextTrainer.Train(train, options).Save(model);

        var eval = TestEnvironment.Run(null, "classify", "eval", "--model", model, "--in", train);

        eval.ExitCode.Should().Be(0, eval.Stderr);
        eval.Stdout.Should().Contain("m.bin: N 400").And.Contain("__label__domain_math").And.Contain("__label__domain_general").And.Contain("precision");

        var recipe = FastTextLines.Flatten(ScriptedCorpus.Document(ScriptedCorpus.Kinds[1], rng));
        var math = FastTextLines.Flatten(ScriptedCorpus.Document(ScriptedCorpus.Kinds[0], rng));
        var predict = TestEnvironment.Run($"{recipe}\n{math}\n", "classify", "predict", "--model", model, "--k", "2");

        predict.ExitCode.Should().Be(0, predict.Stderr);
        var lines = predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Split('\t').Should().HaveCount(4);
        lines[0].Should().StartWith("domain_general\t");
        lines[1].Should().StartWith("domain_math\t");
    }

    [Fact]
    public async Task Annotate_runs_on_the_embedded_llama_engine_and_keeps_every_answer_it_cannot_parse()
    {
        // The real llama.cpp engine on a tiny random-weight Qwen3: its answers are noise, so every sampled
        // document must come back as an unparsed failure with the engine's text, none lost.
        var folder = Path.Combine(_root, "in-llama");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 6; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"d{i}.txt"), $"Document {i} explains how photosynthesis turns light into chemical energy in plants.\n");
        }

        var build = Path.Combine(_root, "build-llama");
        Directory.CreateDirectory(Path.Combine(build, "docs"));
        TestEnvironment.Run(null, "extract", folder, "--out", Path.Combine(build, "docs", "part-00000.parquet")).ExitCode.Should().Be(0);
        var model = Path.Combine(_root, "tiny.gguf");
        var written = TestEnvironment.Run(null, "model", "tiny", "--out", model, "--dim", "32", "--layers", "1");
        written.ExitCode.Should().Be(0, written.Stderr);

        var annotate = TestEnvironment.Run(null, "classify", "annotate", "--build", build, "--engine", "llama", "--model", model,
            "--sample", "6", "--concurrency", "3", "--threads", "1", "--max-tokens", "16", "--max-chars", "300");

        annotate.ExitCode.Should().Be(1, "no answer of a random model parses");
        annotate.Stdout.Should().Contain("annotated 0 of 6 sampled documents").And.Contain("6 unparsed");
        annotate.Stderr.Should().Contain("no document got an annotation");
        var (annotated, failures) = await ReadAnnotationsAsync(build);
        annotated.Should().Be(0);
        failures.Should().HaveCount(6).And.OnlyContain(f => f.Reason.StartsWith("unparsed: ", StringComparison.Ordinal) && f.Response.Length > 0);
    }

    [Fact]
    public void Annotate_with_the_llama_engine_names_what_is_wrong()
    {
        var missing = Path.Combine(_root, "none.gguf");
        Directory.CreateDirectory(Path.Combine(_root, "b", "docs"));

        TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--engine", "vllm", "--model", "m").Stderr.Should().Contain("expected openai or llama");
        TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--engine", "llama").Stderr.Should().Contain("needs --model FILE.gguf");
        TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--engine", "llama", "--model", "m.gguf", "--endpoint", "http://x").ExitCode.Should().Be(2);
        var load = TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--engine", "llama", "--model", missing);
        load.ExitCode.Should().Be(1);
        load.Stderr.Should().Contain(missing);
    }

    [Fact]
    public void Classify_commands_report_usage_and_missing_inputs_with_the_exit_codes()
    {
        TestEnvironment.Run(null, "classify", "annotate", "--build", _root).ExitCode.Should().Be(2);
        TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--endpoint", "ftp://x", "--model", "m").ExitCode.Should().Be(2);
        TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--endpoint", _server.BaseUrl, "--model", "m", "--sample", "5", "--rate", "0.5").ExitCode.Should().Be(2);

        var empty = TestEnvironment.Run(null, "classify", "annotate", "--build", _root, "--endpoint", _server.BaseUrl, "--model", "m");
        empty.ExitCode.Should().Be(1);
        empty.Stderr.Should().Contain("holds no document parts");

        var noAnnotations = TestEnvironment.Run(null, "classify", "train", "--build", _root, "--out", Path.Combine(_root, "m"));
        noAnnotations.ExitCode.Should().Be(1);
        noAnnotations.Stderr.Should().Contain("run 'corpus classify annotate' first");

        var noModel = TestEnvironment.Run("x\n", "classify", "predict", "--model", Path.Combine(_root, "none.bin"));
        noModel.ExitCode.Should().Be(1);
        noModel.Stderr.Should().Contain("none.bin").And.Contain("does not exist");
    }

    private static double ExpectedScore(string line)
    {
        var parts = line.Split('\t');
        double sum = 0, mass = 0;
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            FastTextLines.TryEduScore(parts[i], out var score).Should().BeTrue(parts[i]);
            var p = double.Parse(parts[i + 1], CultureInfo.InvariantCulture);
            sum += score * p;
            mass += p;
        }

        return sum / mass;
    }

    private static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average(), cov = 0, va = 0, vb = 0;
        for (var i = 0; i < ra.Length; i++)
        {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }

        return cov / Math.Sqrt(va * vb);
    }

    /// <summary>Ranks with ties given their average rank.</summary>
    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var m = i; m <= j; m++)
            {
                ranks[order[m]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static async Task<List<(string Domain, string CodeKind, string Text)>> ReadLabelsAsync(string build)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT l.domain, l.code_kind, d.text FROM read_parquet('{build}/labels/part-*.parquet') l JOIN read_parquet('{build}/docs/part-*.parquet') d USING (id)";
        var rows = new List<(string, string, string)>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<(long Annotated, List<(string Id, string Reason, string Response)> Failures)> ReadAnnotationsAsync(string build)
    {
        var dir = Path.Combine(build, "annotations");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM read_parquet('{dir}/part-*.parquet') WHERE edu_score BETWEEN 0 AND 5 AND domain <> '' AND model = 'scripted-qwen'";
        var annotated = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        using var failed = connection.CreateCommand();
        failed.CommandText = $"SELECT id, reason, response FROM read_parquet('{dir}/failed-*.parquet') ORDER BY id";
        var failures = new List<(string, string, string)>();
        using var reader = await failed.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            failures.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return (annotated, failures);
    }
}
