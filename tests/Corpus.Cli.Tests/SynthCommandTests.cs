using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Cli.Commands;
using Corpus.Cli.Parsing;
using Corpus.Synth.Verification;
using Corpus.Tests.Shared;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed partial class SynthCommandTests : IDisposable
{
    private readonly string _dir = TestEnvironment.NewTempDir("synth");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Apples = "Tom has 3 apples and buys 4 more apples at the market on Sunday. How many apples does he have now?";
    private const string Eggs = "A farmer packs 12 eggs in every box and fills 5 boxes before noon. How many eggs did the farmer pack?";
    private const string Trains = "A train leaves at 3 pm and travels for 2 hours at 60 km per hour. How far does it go?";
    private const string Pens = "Ann buys 2 packs of pens with 6 pens in each pack and gives away 4 pens to her friends. How many pens are left?";

    private string Seeds()
    {
        var path = Path.Combine(_dir, "seeds.jsonl");
        File.WriteAllLines(path,
        [
            JsonSerializer.Serialize(new { question = Apples, answer = "3 + 4 = <<3+4=7>>7\n#### 7" }),
            JsonSerializer.Serialize(new { question = Eggs, answer = "12 * 5 = 60\n#### 60" }),
            "{ not json",
            JsonSerializer.Serialize(new { question = Trains, answer = "2 * 60 = 120\n#### 120" }),
            JsonSerializer.Serialize(new { question = Pens, answer = "12 - 4 = 8\n#### 8" }),
        ]);
        return path;
    }

    /// <summary>Right for apples and eggs, wrong for trains (every sample), right for pens only on even seeds; each sample's text its own.</summary>
    private static ScriptedReply Script(ScriptedChatRequest r)
    {
        var seed = JsonDocument.Parse(r.Body).RootElement.GetProperty("seed").GetInt64();
        string boxed = r.UserMessage.StartsWith(Apples, StringComparison.Ordinal) ? "7"
            : r.UserMessage.StartsWith(Eggs, StringComparison.Ordinal) ? "60"
            : r.UserMessage.StartsWith(Trains, StringComparison.Ordinal) ? "180"
            : seed % 2 == 0 ? "8" : "10";
        return ScriptedReply.Answer($"Attempt {seed}: {Filler(seed)}. Therefore the answer is \\boxed{{{boxed}}}.") with { Delay = TimeSpan.FromMilliseconds(40) };
    }

    /// <summary>Words that differ from seed to seed, so samples of one problem are not near duplicates.</summary>
    private static string Filler(long seed) => string.Join(' ', Enumerable.Range(0, 30).Select(i => $"w{(seed * 31 + i * 7919) % 100003}"));

    private Task<(int Exit, string Stdout, string Stderr)> RunInProcessAsync(params string[] args) =>
        RunInProcessAsync(new SynthCommand((_, _) => Task.FromResult<ISynthVerifier>(new KnownAnswerVerifier())), args);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunInProcessAsync(SynthCommand command, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var console = new CliConsole(Stream.Null, stdout, stderr);
        int exit;
        try
        {
            exit = await command.RunAsync(ArgParser.Parse(command.Name, args, command.Options), console, CancellationToken.None);
        }
        catch (UsageException e)
        {
            stderr.WriteLine(e.Message);
            exit = ExitCodes.Usage;
        }

        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private static List<Dictionary<string, object?>> Query(string sql)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    private static List<JsonElement> Lines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Openai_run_keeps_right_samples_in_parquet_and_writes_wrong_ones_to_rejects_with_their_reason()
    {
        await using var server = ScriptedChatServer.Start(Script);
        var output = Path.Combine(_dir, "out");

        var (exit, stdout, stderr) = await RunInProcessAsync(
            "--engine", "openai", "--endpoint", server.BaseUrl, "--model", "qwen3-scripted", "--task", "math", "--seeds", Seeds(),
            "--count", "4", "--samples-per-problem", "3", "--thinking", "off", "--temperature", "0.7", "--max-tokens", "256", "--seed", "5",
            "--parallel", "4", "--out", output);

        exit.Should().Be(0, stderr);
        stderr.Should().Contain($"seeds.jsonl:3: not JSON", "a bad seed line is reported with file and line");
        stdout.Should().Contain("synth: ").And.Contain("accepted").And.Contain("rejected");
        server.MaxInFlight.Should().BeGreaterThan(1, "requests run concurrently");
        var rows = Query($"SELECT * FROM read_parquet('{output}/synth/part-00000.parquet') ORDER BY problem_index, sample_index");
        var rejects = Lines(Path.Combine(output, "rejects", "synth-00000.jsonl"));

        (rows.Count + rejects.Count).Should().Be(12, "every sample is kept or rejected, none dropped");
        Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('{output}/synth/part-00000.parquet'))").Select(r => (string)r["column_name"]!).Should().Equal(
            "id", "task", "domain", "prompt", "thinking", "answer", "verdict", "reason", "model", "temperature", "top_p", "top_k", "seed", "max_tokens",
            "thinking_budget", "prompt_tokens", "output_tokens", "seconds", "source", "problem_index", "sample_index", "seed_id", "finish_reason", "thinking_mode");
        rejects[0].EnumerateObject().Select(p => p.Name).Should().Equal(rows[0].Keys, "reject lines carry the same fields as the rows");
        rows.Should().OnlyContain(r => (string)r["verdict"]! == "accepted" && (string)r["source"]! == "synth" && (string)r["domain"]! == "math"
            && (string)r["model"]! == "qwen3-scripted" && (double)r["temperature"]! == 0.7 && (int)r["max_tokens"]! == 256 && r["thinking"] == null
            && (string)r["task"]! == "math/seed/gsm8k" && (int)r["output_tokens"]! == 7 && (int)r["prompt_tokens"]! == 11 && (double)r["seconds"]! >= 0);
        rows.Select(r => (string)r["prompt"]!).Should().OnlyContain(p => p.StartsWith(Apples, StringComparison.Ordinal) || p.StartsWith(Eggs, StringComparison.Ordinal) || p.StartsWith(Pens, StringComparison.Ordinal));
        rows.Count(r => ((string)r["prompt"]!).StartsWith(Apples, StringComparison.Ordinal)).Should().Be(3, "every right sample is kept");
        rows.Count(r => ((string)r["prompt"]!).StartsWith(Eggs, StringComparison.Ordinal)).Should().Be(3);
        rows.Should().OnlyContain(r => ((string)r["answer"]!).Contains(((string)r["reason"]!).Split(' ')[1], StringComparison.Ordinal));
        rows.Select(r => (string)r["id"]!).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.Length == 32);
        rejects.Where(j => j.GetProperty("prompt").GetString()!.StartsWith(Trains, StringComparison.Ordinal)).Should().HaveCount(3)
            .And.OnlyContain(j => j.GetProperty("reason").GetString() == "boxed 180 differs from known answer 120" && j.GetProperty("verdict").GetString() == "rejected");
        var pens = rejects.Where(j => j.GetProperty("prompt").GetString()!.StartsWith(Pens, StringComparison.Ordinal)).ToList();
        pens.Should().OnlyContain(j => j.GetProperty("reason").GetString() == "boxed 10 differs from known answer 8" && j.GetProperty("seed").GetInt64() % 2 == 1);
        (pens.Count + rows.Count(r => ((string)r["prompt"]!).StartsWith(Pens, StringComparison.Ordinal))).Should().Be(3);

        // The same seed gives the same files' rows: ids, seeds and verdicts.
        var again = Path.Combine(_dir, "again");
        (await RunInProcessAsync(
            "--engine", "openai", "--endpoint", server.BaseUrl, "--model", "qwen3-scripted", "--task", "math", "--seeds", Seeds(),
            "--count", "4", "--samples-per-problem", "3", "--thinking", "off", "--temperature", "0.7", "--max-tokens", "256", "--seed", "5",
            "--parallel", "2", "--out", again)).Exit.Should().Be(0);
        Query($"SELECT id, seed FROM read_parquet('{again}/synth/part-00000.parquet') ORDER BY problem_index, sample_index")
            .Select(r => (r["id"], r["seed"])).Should().Equal(rows.Select(r => (r["id"], r["seed"])));
    }

    [Fact]
    public async Task Real_verifier_keeps_passing_code_and_rejects_failing_and_looping_code_with_the_sandbox_reason()
    {
        // HumanEval-style seeds; the scripted model writes right code for add, wrong code for mul on odd
        // seeds, and a program that never ends for sub. The CLI's own verifier runs them in the sandbox.
        var seeds = Path.Combine(_dir, "code.jsonl");
        File.WriteAllLines(seeds,
        [
            JsonSerializer.Serialize(new { task_id = "t/0", prompt = "def add(a, b):\n    \"\"\"Return a + b.\"\"\"\n", entry_point = "add", test = "def check(candidate):\n    assert candidate(2, 3) == 5\n" }),
            JsonSerializer.Serialize(new { task_id = "t/1", prompt = "def mul(a, b):\n    \"\"\"Return a * b.\"\"\"\n", entry_point = "mul", test = "def check(candidate):\n    assert candidate(2, 3) == 6\n" }),
            JsonSerializer.Serialize(new { task_id = "t/2", prompt = "def sub(a, b):\n    \"\"\"Return a - b.\"\"\"\n", entry_point = "sub", test = "def check(candidate):\n    assert candidate(5, 3) == 2\n" }),
        ]);
        await using var server = ScriptedChatServer.Start(r =>
        {
            var seed = JsonDocument.Parse(r.Body).RootElement.GetProperty("seed").GetInt64();
            var code = r.UserMessage.Contains("def add(", StringComparison.Ordinal) ? "def add(a, b):\n    return a + b"
                : r.UserMessage.Contains("def mul(", StringComparison.Ordinal) ? (seed % 2 == 0 ? "def mul(a, b):\n    return a * b" : "def mul(a, b):\n    return a + b")
                : "def sub(a, b):\n    while True:\n        pass";
            return ScriptedReply.Answer($"Sample {seed} {Filler(seed)}\n```python\n{code}\n```\n");
        });
        var output = Path.Combine(_dir, "code-out");
        var (exit, _, stderr) = await RunInProcessAsync(new SynthCommand(SynthVerifierFactory.CreateAsync),
            "--engine", "openai", "--endpoint", server.BaseUrl, "--model", "qwen3-scripted", "--task", "code", "--seeds", seeds,
            "--count", "3", "--samples-per-problem", "2", "--thinking", "off", "--seed", "1", "--parallel", "4", "--code-timeout", "2", "--out", output);

        exit.Should().Be(0, stderr);
        var rows = Query($"SELECT prompt, reason FROM read_parquet('{output}/synth/part-00000.parquet')");
        var rejects = Lines(Path.Combine(output, "rejects", "synth-00000.jsonl"));
        (rows.Count + rejects.Count).Should().Be(6);
        rows.Where(r => ((string)r["prompt"]!).Contains("def add(", StringComparison.Ordinal)).Should().HaveCount(2, "right code passes the seed's tests");
        rows.Should().NotContain(r => ((string)r["prompt"]!).Contains("def sub(", StringComparison.Ordinal));
        var loops = rejects.Where(j => j.GetProperty("prompt").GetString()!.Contains("def sub(", StringComparison.Ordinal)).ToList();
        loops.Should().HaveCount(2).And.OnlyContain(j => Regex.IsMatch(j.GetProperty("reason").GetString()!, "time|cpu", RegexOptions.IgnoreCase), "a program that never ends is stopped and reported");
        var mul = rejects.Where(j => j.GetProperty("prompt").GetString()!.Contains("def mul(", StringComparison.Ordinal)).ToList();
        mul.Should().OnlyContain(j => j.GetProperty("reason").GetString()!.Contains("AssertionError", StringComparison.Ordinal) && j.GetProperty("seed").GetInt64() % 2 == 1);
        (mul.Count + rows.Count(r => ((string)r["prompt"]!).Contains("def mul(", StringComparison.Ordinal))).Should().Be(2);
    }

    [Fact]
    public async Task Duplicates_and_samples_that_overlap_an_eval_set_are_rejected_with_the_reason()
    {
        // Every sample of a problem writes the same text: one is kept, the others are duplicates. Pens is in the eval set.
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer(
            r.UserMessage.StartsWith(Pens, StringComparison.Ordinal) ? "12 - 4 = 8, so \\boxed{8}." : r.UserMessage.StartsWith(Apples, StringComparison.Ordinal) ? "3 + 4 gives \\boxed{7}." : "The total is \\boxed{60}."));
        var evalFolder = Path.Combine(_dir, "gsm8k");
        Directory.CreateDirectory(evalFolder);
        var evalSet = Path.Combine(evalFolder, "test.jsonl");
        File.WriteAllText(evalSet, JsonSerializer.Serialize(new { question = Pens, answer = "#### 8" }) + "\n");
        var output = Path.Combine(_dir, "samples.parquet");

        var (exit, stdout, stderr) = await RunInProcessAsync(
            "--engine", "openai", "--endpoint", server.BaseUrl, "--model", "m", "--task", "math", "--seeds", Seeds(),
            "--count", "4", "--samples-per-problem", "2", "--thinking", "off", "--eval-set", evalSet, "--out", output);

        exit.Should().Be(0, stderr);
        var rows = Query($"SELECT prompt, reason FROM read_parquet('{output}')");
        var rejects = Lines(Path.Combine(_dir, "samples.rejects.jsonl"));
        rows.Select(r => ((string)r["prompt"]!)[..10]).Should().BeEquivalentTo([Apples[..10], Eggs[..10]], "one sample of each right, clean problem is kept");
        rejects.Select(j => j.GetProperty("reason").GetString()!).Should().Contain(r => r.StartsWith("duplicate: exact duplicate of ", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("contaminated: shares a run of words with gsm8k/test", StringComparison.Ordinal));
        rejects.Where(j => j.GetProperty("prompt").GetString()!.StartsWith(Pens, StringComparison.Ordinal)).Should().HaveCount(2)
            .And.OnlyContain(j => j.GetProperty("reason").GetString()!.StartsWith("contaminated:", StringComparison.Ordinal));
        rows.Count.Should().Be(2);
        rejects.Should().HaveCount(6);
        stdout.Should().Contain("contaminated 2").And.Contain("duplicate 2").And.Contain("verifier 2");
    }

    [Fact]
    public async Task Llama_run_on_the_tiny_model_writes_parquet_and_rejects_for_every_sample()
    {
        var model = Path.Combine(_dir, "tiny.gguf");
        var written = TestEnvironment.Run(null, "model", "tiny", "--out", model, "--dim", "32", "--layers", "1");
        written.ExitCode.Should().Be(0, written.Stderr);
        var output = Path.Combine(_dir, "llama-out");

        var run = TestEnvironment.Run(null, "synth", "--engine", "llama", "--model", model, "--task", "math", "--count", "3", "--samples-per-problem", "2",
            "--max-tokens", "24", "--thinking-budget", "8", "--parallel", "4", "--threads", "1", "--seed", "2", "--out", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().MatchRegex(@"synth: \d+ accepted -> .*part-00000\.parquet");
        var rows = Query($"SELECT count(*) AS n FROM read_parquet('{output}/synth/part-00000.parquet')")[0]["n"];
        var rejects = Lines(Path.Combine(output, "rejects", "synth-00000.jsonl"));
        (Convert.ToInt64(rows, System.Globalization.CultureInfo.InvariantCulture) + rejects.Count).Should().Be(6, "rows + rejects = count x samples per problem");
        rejects.Should().OnlyContain(j => j.GetProperty("model").GetString() == "tiny" && j.GetProperty("reason").GetString()!.Length > 0 && j.GetProperty("source").GetString() == "synth");
        run.Stderr.Should().Contain("tokens/s").And.Contain("in flight").And.Contain("accepted");
    }

    [Theory]
    [InlineData(new[] { "--task", "math", "--out", "x" }, "needs --engine")]
    [InlineData(new[] { "--engine", "vllm", "--model", "m", "--task", "math", "--out", "x" }, "expected llama or openai")]
    [InlineData(new[] { "--engine", "openai", "--model", "m", "--task", "math", "--out", "x" }, "needs --endpoint URL")]
    [InlineData(new[] { "--engine", "openai", "--endpoint", "ftp://h", "--model", "m", "--task", "math", "--out", "x" }, "expected an http:// or https:// URL")]
    [InlineData(new[] { "--engine", "llama", "--model", "m.gguf", "--task", "poetry", "--out", "x" }, "expected math or code")]
    [InlineData(new[] { "--engine", "llama", "--model", "m.gguf", "--task", "math", "--out", "x", "--thinking", "maybe" }, "expected on or off")]
    [InlineData(new[] { "--engine", "llama", "--model", "m.gguf", "--task", "math", "--out", "x", "--samples-per-problem", "0" }, "'--samples-per-problem' = '0'")]
    public async Task Usage_errors_name_the_option(string[] args, string message)
    {
        var (exit, _, stderr) = await RunInProcessAsync(args);

        exit.Should().Be(ExitCodes.Usage);
        stderr.Should().Contain(message);
    }

    [Fact]
    public async Task Missing_inputs_are_failures_naming_the_file()
    {
        var missingModel = Path.Combine(_dir, "none.gguf");
        var missingSeeds = Path.Combine(_dir, "none.jsonl");
        var emptySeeds = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(emptySeeds, "nope\n");

        var model = await RunInProcessAsync("--engine", "llama", "--model", missingModel, "--task", "math", "--out", _dir);
        var seeds = await RunInProcessAsync("--engine", "llama", "--model", missingModel, "--task", "math", "--out", _dir, "--seeds", missingSeeds);
        var bad = await RunInProcessAsync("--engine", "llama", "--model", missingModel, "--task", "math", "--out", _dir, "--seeds", emptySeeds);

        model.Exit.Should().Be(ExitCodes.Failure);
        model.Stderr.Should().Contain(missingModel);
        seeds.Exit.Should().Be(ExitCodes.Failure);
        seeds.Stderr.Should().Contain($"no seeds file at '{missingSeeds}'");
        bad.Exit.Should().Be(ExitCodes.Failure);
        bad.Stderr.Should().Contain($"{emptySeeds}:1: not JSON").And.Contain("no usable math seeds");
    }

    /// <summary>A test double for the real verifier: the last <c>\boxed{}</c> against the seed's known answer.</summary>
    private sealed partial class KnownAnswerVerifier : ISynthVerifier
    {
        public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<SynthVerdict>>(candidates.Select(c => Boxed().Matches(c.Answer) is { Count: > 0 } m
                ? m[^1].Groups[1].Value == problem.KnownAnswer
                    ? new SynthVerdict(true, $"boxed {m[^1].Groups[1].Value} equals known answer {problem.KnownAnswer}")
                    : new SynthVerdict(false, $"boxed {m[^1].Groups[1].Value} differs from known answer {problem.KnownAnswer}")
                : new SynthVerdict(false, "no \\boxed{} answer")).ToList());

        [GeneratedRegex(@"\\boxed\{([^{}]*)\}")]
        private static partial Regex Boxed();
    }
}
