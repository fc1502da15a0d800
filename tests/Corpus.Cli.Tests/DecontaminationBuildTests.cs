using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed class DecontaminationBuildTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("decon");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Documents_carrying_an_evaluation_problem_are_removed_by_the_build_and_others_kept()
    {
        const string problem = "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?";
        var evalDir = Path.Combine(_root, "gsm8k");
        Directory.CreateDirectory(evalDir);
        var evalSet = Path.Combine(evalDir, "test.jsonl");
        File.WriteAllText(evalSet, JsonSerializer.Serialize(new { question = problem, answer = "Natalia sold 48/2 = 24 clips in May. #### 72" }) + "\n");

        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "leak.txt"), "Homework help. " + problem + " Answer below.\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(input, "clean.txt"), "Natalia sold clips to her friends in April and went home to sleep early that night.\n", new UTF8Encoding(false));
        var config = Path.Combine(_root, "config.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { filters = new { quality = false }, decontamination = new { eval_sets = new[] { evalSet } } }));
        var output = Path.Combine(_root, "out");

        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("1 documents");
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT url, reason, detail FROM read_parquet('{output}/rejects/part-filter-*.parquet')";
        using var r = cmd.ExecuteReader();
        r.Read().Should().BeTrue();
        r.GetString(0).Should().Be("leak.txt");
        r.GetString(1).Should().Be("contaminated");
        r.GetString(2).Should().Contain("gsm8k/test");
        r.Read().Should().BeFalse();
    }

    [Fact]
    public void A_missing_evaluation_set_fails_the_build_naming_it()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        var config = Path.Combine(_root, "c.json");
        File.WriteAllText(config, """{"decontamination": {"eval_sets": ["/no/such/gsm8k.jsonl"]}}""");
        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "o"), "--config", config);
        code.Should().Be(1);
        stderr.Should().Contain("/no/such/gsm8k.jsonl");
    }
}
