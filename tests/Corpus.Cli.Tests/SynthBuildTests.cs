using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Tests.Shared;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed class SynthBuildTests : IDisposable
{
    private const string Apples = "Tom has 3 apples and buys 4 more apples at the market on Sunday. How many apples does he have now?";
    private const string Eggs = "A farmer packs 12 eggs in every box and fills 5 boxes before noon. How many eggs did the farmer pack?";
    private const string Trains = "A train leaves at 3 pm and travels for 2 hours at 60 km per hour. How far does it go?";

    private readonly string _root = TestEnvironment.NewTempDir("synth-build");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Right answers for apples and eggs, a wrong one for trains; every sample's words its own, so none is a near duplicate.</summary>
    private static ScriptedReply Script(ScriptedChatRequest r)
    {
        var seed = JsonDocument.Parse(r.Body).RootElement.GetProperty("seed").GetInt64();
        var boxed = r.UserMessage.StartsWith(Apples, StringComparison.Ordinal) ? "7" : r.UserMessage.StartsWith(Eggs, StringComparison.Ordinal) ? "60" : "180";
        var words = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"w{(seed * 31 + i * 7919) % 100003}"));
        return ScriptedReply.Answer($"Step by step, attempt {seed}: {words}. So the answer is \\boxed{{{boxed}}}.");
    }

    private string Input()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "The river runs past the old mill and on to the sea, where the fishing boats wait for the tide.\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(input, "b.txt"), "Bread rises overnight in a warm kitchen, and the baker shapes the loaves before the sun comes up.\n", new UTF8Encoding(false));
        return input;
    }

    private string Config(object synth)
    {
        var path = Path.Combine(_root, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { filters = new { quality = false }, synth }));
        return path;
    }

    [Fact]
    public async Task Build_adds_verified_synthetic_samples_as_documents_and_writes_wrong_ones_to_rejects()
    {
        await using var server = ScriptedChatServer.Start(Script);
        var seeds = Path.Combine(_root, "gsm8k.jsonl");
        File.WriteAllLines(seeds,
        [
            JsonSerializer.Serialize(new { question = Apples, answer = "3 + 4 = 7\n#### 7" }),
            JsonSerializer.Serialize(new { question = Eggs, answer = "12 * 5 = 60\n#### 60" }),
            JsonSerializer.Serialize(new { question = Trains, answer = "2 * 60 = 120\n#### 120" }),
        ]);
        var config = Config(new { engine = "openai", model = "qwen3-scripted", endpoint = server.BaseUrl, tasks = new[] { "math" }, count = 3, samples_per_problem = 2, math_seeds = seeds, max_tokens = 256, parallel = 4 });
        var output = Path.Combine(_root, "out");
        var input = Input();

        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config, "--progress", "plain");

        code.Should().Be(0, stderr);
        stderr.Should().Contain("synth: 1 tasks");
        Regex.IsMatch(stderr, @"^synth part-00000: \d+/3 problems, \d+ requests, \d+\.\d tokens/s, \d+/4 in flight \(\d+ % batch\), \d+ accepted / \d+ rejected \(\d+ %\)$", RegexOptions.Multiline)
            .Should().BeTrue($"the synth task reports its progress while it runs:\n{stderr}");
        stderr.Should().Contain("synth part-00000: 3/3 problems, ", "the task's last status is printed before it ends");
        stdout.Should().Contain("6 documents", "2 documents of the corpus and 4 verified samples");
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        Rows(db, $"SELECT prompt, verdict FROM read_parquet('{output}/synth/part-00000.parquet')").Should().HaveCount(4)
            .And.OnlyContain(r => (string)r[1] == "accepted" && !((string)r[0]).StartsWith(Trains, StringComparison.Ordinal));
        var rejects = File.ReadAllLines(Path.Combine(output, "rejects", "synth-00000.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rejects.Should().HaveCount(2).And.OnlyContain(j => j.GetProperty("reason").GetString() == "boxed 180 differs from known answer 120");
        var documents = Rows(db, $"SELECT text, source_kind FROM read_parquet('{output}/synth/documents-00000.parquet')");
        documents.Should().HaveCount(4).And.OnlyContain(r => (string)r[1] == "synthetic" && ((string)r[0]).Contains("\\boxed{", StringComparison.Ordinal));

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json"))).RootElement;
        var synthetic = manifest.GetProperty("token_counts").EnumerateArray().Where(c => c.GetProperty("source").GetString() == "synthetic").ToList();
        synthetic.Should().NotBeEmpty("the samples reach the shards as synthetic documents");
        synthetic.Should().OnlyContain(c => c.GetProperty("domain").GetString() == "math");

        // The report's synthetic acceptance: the task's counts, equal to the rows and reject lines it wrote.
        var reportPath = Path.Combine(output, "report", "report.json");
        var recipe = JsonDocument.Parse(File.ReadAllText(reportPath)).RootElement.GetProperty("synthetic").EnumerateArray().Should().ContainSingle().Subject;
        recipe.GetProperty("name").GetString().Should().Be("math");
        recipe.GetProperty("generated").GetInt64().Should().Be(6);
        recipe.GetProperty("accepted").GetInt64().Should().Be(4);
        recipe.GetProperty("accepted").GetInt64().Should().Be(Rows(db, $"SELECT id FROM read_parquet('{output}/synth/part-*.parquet')").Count);
        (recipe.GetProperty("generated").GetInt64() - recipe.GetProperty("accepted").GetInt64()).Should().Be(rejects.Count);
        recipe.GetProperty("acceptance_rate").GetDouble().Should().BeApproximately(4.0 / 6, 1e-12);
        recipe.GetProperty("rejected_by").EnumerateArray().Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("samples").GetInt64())).Should().Equal(("verifier", 2L));
        File.ReadAllText(Path.Combine(output, "report", "report.md")).Should().Contain("| math | 6 | 4 | 66.67% |");

        // corpus report rebuilds the same bytes from what the build wrote.
        var built = new[] { "index.html", "report.json", "report.md" }.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(output, "report", f)));
        Directory.Delete(Path.Combine(output, "report"), recursive: true);
        var (reported, _, reportErr) = TestEnvironment.Run(null, "report", output);
        reported.Should().Be(0, reportErr);
        foreach (var (file, bytes) in built)
        {
            File.ReadAllBytes(Path.Combine(output, "report", file)).Should().Equal(bytes, file);
        }

        // A rerun finds every task committed: no request reaches the model again.
        var requests = server.Requests.Count;
        var (again, _, againErr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config, "--progress", "plain");
        again.Should().Be(0, againErr);
        server.Requests.Count.Should().Be(requests);
    }

    [Fact]
    public void Without_a_model_the_synth_phase_is_skipped_with_a_message_and_a_missing_gguf_fails_naming_it()
    {
        var input = Input();
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", Path.Combine(_root, "plain"), "--progress", "plain");
        code.Should().Be(0, stderr);
        stderr.Should().Contain("synth: skipped, no model configured (synth.engine is none)");
        File.ReadAllText(Path.Combine(_root, "plain", "_build", "run.jsonl")).Should().Contain("\"event\":\"phase-skipped\",\"phase\":\"synth\"");

        var config = Config(new { engine = "llama", model = "/no/such/qwen3.gguf", tasks = new[] { "math" }, count = 1 });
        var (failed, _, failedErr) = TestEnvironment.Run(null, "build", "--input", input, "--out", Path.Combine(_root, "gguf"), "--config", config, "--progress", "none");
        failed.Should().Be(1);
        failedErr.Should().Contain("/no/such/qwen3.gguf");

        var noEndpoint = Config(new { engine = "openai", model = "m" });
        var (bad, _, badErr) = TestEnvironment.Run(null, "build", "--input", input, "--out", Path.Combine(_root, "bad"), "--config", noEndpoint);
        bad.Should().NotBe(0);
        badErr.Should().Contain("synth.endpoint");
    }

    private static List<object[]> Rows(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
