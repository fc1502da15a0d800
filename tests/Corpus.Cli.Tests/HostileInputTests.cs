using System.Text;
using Corpus.Tests.Shared;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

/// <summary>Inputs that kill the process reading them: a build still finishes, and loses only them.</summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Poison = "CORPUS-POISON-DOCUMENT-7";
    private readonly string _root = TestEnvironment.NewTempDir("hostile");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Extract_rejects_a_pdf_that_overflows_the_stack_and_keeps_the_rest()
    {
        var input = Ordinary("extract-in", 3);
        File.WriteAllBytes(Path.Combine(input, "overflow.pdf"), HostilePdfs.XrefStreamWithHugeFieldWidth());
        var output = Path.Combine(_root, "x.jsonl");

        var (code, _, stderr) = TestEnvironment.Run(null, "extract", input, "--out", output);

        code.Should().Be(0, stderr);
        File.ReadAllLines(output).Should().HaveCount(3);
        stderr.Should().Contain("overflow.pdf").And.Contain("crashed").And.Contain("Stack overflow");
    }

    [Fact]
    public void Build_rejects_a_pdf_that_overflows_the_stack_and_finishes()
    {
        var input = Ordinary("build-in", 4);
        File.WriteAllBytes(Path.Combine(input, "overflow.pdf"), HostilePdfs.XrefStreamWithHugeFieldWidth());
        var output = Path.Combine(_root, "out");

        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", IngestOnly());

        code.Should().Be(0, stderr);
        stdout.Should().Contain("4 documents").And.Contain("1 rejects");
        var reject = Rejects(output).Should().ContainSingle().Subject;
        reject.Url.Should().EndWith("overflow.pdf");
        reject.Reason.Should().Be("crashed");
        reject.Detail.Should().Contain("exit code 134").And.Contain("Stack overflow");
    }

    [Fact]
    public void Build_killed_by_an_input_finishes_on_rerun_with_it_quarantined_and_every_other_byte_as_without_it()
    {
        var clean = Ordinary("clean", 5);
        var reference = Path.Combine(_root, "reference");
        TestEnvironment.Run(null, "build", "--input", clean, "--out", reference).ExitCode.Should().Be(0);

        var poisoned = Ordinary("poisoned", 5);
        File.WriteAllText(Path.Combine(poisoned, "doc-2-poison.txt"), Text(2) + "\n" + Poison + "\n", new UTF8Encoding(false));
        var output = Path.Combine(_root, "out");
        var armed = new Dictionary<string, string> { ["CORPUS_TEST_FAIL_FAST_ON"] = Poison };

        var (first, _, firstErr) = TestEnvironment.RunWith(armed, "build", "--input", poisoned, "--out", output);
        first.Should().Be(134, "the fault ends the build's own process the first time: " + firstErr);
        var (second, secondOut, secondErr) = TestEnvironment.RunWith(armed, "build", "--input", poisoned, "--out", output);

        second.Should().Be(0, secondErr);
        secondOut.Should().Contain("5 documents");
        var quarantined = Rejects(output).Should().ContainSingle(r => r.Reason == "crashed").Subject;
        quarantined.Url.Should().Be("doc-2-poison.txt");
        quarantined.Detail.Should().Contain("3 processes died").And.Contain(Poison);
        SameOutputs(reference, output);
    }

    [Fact]
    public void Build_over_ordinary_and_hostile_files_finishes_with_every_hostile_file_a_document_or_a_named_reject()
    {
        var input = Ordinary("mixed", 6);
        var cases = HostilePdfs.All.Concat(HostileFiles.All).ToList();
        Directory.CreateDirectory(Path.Combine(input, "hostile"));
        foreach (var (name, bytes) in cases)
        {
            File.WriteAllBytes(Path.Combine(input, "hostile", name), bytes());
        }

        var config = Path.Combine(_root, "short-pdf-limit.json");
        File.WriteAllText(config, """{"input": {"pdf_max_seconds": 3}}""");
        var output = Path.Combine(_root, "out");

        var (code, _, stderr) = TestEnvironment.Run(null, "build", "--input", input, "--out", output, "--config", config);

        code.Should().Be(0, stderr);
        var documents = Query(output, "SELECT source_uri FROM read_parquet('{0}/docs/*.parquet')").Select(r => r[0]).ToList();
        documents.Should().Contain(Enumerable.Range(0, 6).Select(i => $"doc-{i}.txt"), "every ordinary document is ingested");
        var rejects = Rejects(output);
        rejects.Should().OnlyContain(r => cases.Any(c => r.Url.Contains(c.Name, StringComparison.Ordinal)), "only hostile files are rejected at ingest");
        rejects.Should().OnlyContain(r => r.Reason.Length > 0 && r.Detail.Length > 0);
        foreach (var (name, _) in cases)
        {
            documents.Concat(rejects.Select(r => r.Url)).Should().Contain(u => u.Contains(name, StringComparison.Ordinal), $"{name} gives a document or a reject naming it");
        }

        string[] lost = ["crashed", "timeout", "memory"];
        foreach (var name in HostilePdfs.ParsedOnlyInWorkers)
        {
            // The 2,147,483,647-entry cross-reference stream ends in PdfPig's own format error when the machine
            // walks it within the PDF time limit (a quiet machine), and past the limit otherwise.
            string[] reasons = name == "pdf-xref-stream-huge-size.pdf" ? [.. lost, "corrupt"] : lost;
            rejects.Should().Contain(r => r.Url == "hostile/" + name && reasons.Contains(r.Reason), $"{name} is parsed in a worker process that dies, is stopped or gives up");
        }

        rejects.Where(r => r.Reason == "crashed").Should().OnlyContain(
            r => r.Detail.Contains("Stack overflow", StringComparison.Ordinal),
            "a worker dies only of PdfPig's stack overflows; the file after one that timed out goes to a live worker");
    }

    /// <summary>A folder of <paramref name="count"/> ordinary documents (UDHR translations, one language each).</summary>
    private string Ordinary(string name, int count)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"doc-{i}.txt"), Text(i), new UTF8Encoding(false));
        }

        return dir;
    }

    private static string Text(int i) => TestEnvironment.Udhr.Where(t => t.Text.Length > 8000).ElementAt(i * 13).Text;

    private string IngestOnly()
    {
        var config = Path.Combine(_root, "ingest-only.json");
        File.WriteAllText(config, """{"filters": {"enabled": false}, "dedup": {"enabled": false}}""");
        return config;
    }

    /// <summary>Shards, packed sequences and the documents are the same bytes; rejects, report and state may differ by the quarantined item.</summary>
    private static void SameOutputs(string expected, string actual)
    {
        var a = TestEnvironment.Snapshot(expected, "_build", "rejects", "report");
        var b = TestEnvironment.Snapshot(actual, "_build", "rejects", "report");
        a.Keys.Should().Contain(k => k.StartsWith("shards/", StringComparison.Ordinal));
        b.Keys.Should().Equal(a.Keys);
        foreach (var key in a.Keys.Where(k => k != "manifest.json"))
        {
            b[key].Should().Equal(a[key], $"{key} is the same bytes as in a build without the quarantined input");
        }
    }

    private static List<string[]> Query(string output, string sql)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, output);
        var rows = new List<string[]>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(r.GetString)]);
        }

        return rows;
    }

    private static List<(string Url, string Reason, string Detail)> Rejects(string output)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT url, reason, detail FROM read_parquet('{output}/rejects/part-ingest-*.parquet') ORDER BY url";
        var rejects = new List<(string, string, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rejects.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }

        return rejects;
    }
}
