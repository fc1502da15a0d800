using Corpus.Shards.Manifests;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed class SampleBuildTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("sample");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Sample_build_crawls_the_site_and_two_builds_give_the_same_shards()
    {
        var first = Path.Combine(_root, "first");
        var second = Path.Combine(_root, "second");
        var (code, stdout, stderr) = TestEnvironment.Run(null, "build", "--sample", "--out", first, "--workers", "2");
        code.Should().Be(0, stderr);
        stdout.Should().Contain("documents");
        stderr.Should().Contain("crawl:");
        Directory.GetFiles(Path.Combine(first, "warc"), "*.warc.gz").Should().NotBeEmpty();
        TestEnvironment.Run(null, "shards", "verify", first).ExitCode.Should().Be(0);

        var manifest = Manifest.Load(Path.Combine(first, "manifest.json"));
        long ingested;
        manifest.TokenCounts.Where(c => c.Stage == "s1").Sum(c => c.Documents).Should().BeGreaterThan(1500, "hundreds of translations, several pages each, after filters and dedup");
        manifest.TokenCounts.Select(c => c.Stage).Distinct().Should().Equal("s1", "s2", "s3");

        // S3 (long context) takes only documents of 4,096 tokens or more; the report says what the sample lacks.
        var s3 = manifest.Files.Where(f => f.Path.StartsWith("shards/s3/", StringComparison.Ordinal) && f.Path.EndsWith(".bin", StringComparison.Ordinal)).ToList();
        s3.Should().NotBeEmpty();
        foreach (var bin in s3)
        {
            var path = Path.Combine(first, bin.Path);
            MegatronTestReader.Read(Path.ChangeExtension(path, ".idx"), path).Should().OnlyContain(d => d.Length >= 4096);
        }

        var report = File.ReadAllText(Path.Combine(first, "report", "report.md"));
        report.Should().Contain("| domain | code | 20.00% | 0.00% | 0 | ✗ | no data |", "the sample has no code for S2's share");
        using (var db = new DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/docs/*.parquet') WHERE source_uri LIKE '%/private/%' OR source_uri LIKE '%/print.html' OR source_uri NOT LIKE 'http://udhr.sample.test/%'";
            ((long)cmd.ExecuteScalar()!).Should().Be(0, "robots.txt kept the crawl out, and pages are named under the stable origin");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/docs/*.parquet') WHERE text LIKE '%cookie policy%' OR text LIKE '%Share on social media%'";
            ((long)cmd.ExecuteScalar()!).Should().Be(0, "main-content extraction drops the boilerplate");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/rejects/*.parquet') WHERE reason = 'http-status'";
            ((long)cmd.ExecuteScalar()!).Should().BeGreaterThan(0, "the 404 and the redirects are recorded as rejects");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/rejects/*.parquet') WHERE phase = 'dedup' AND url LIKE 'http://udhr.sample.test/mirror/%'";
            ((long)cmd.ExecuteScalar()!).Should().BeGreaterThan(0, "the near-duplicate mirror pages are removed by dedup");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/rejects/*.parquet') WHERE phase = 'filter' AND url LIKE 'http://udhr.sample.test/deals/%'";
            ((long)cmd.ExecuteScalar()!).Should().Be(20, "every spam page fails the quality rules");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/dedup/clusters.parquet') WHERE reason <> 'keeper'";
            ((long)cmd.ExecuteScalar()!).Should().BeGreaterThan(0);
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/docs/*.parquet') WHERE source_kind = 'pdf' AND content_type = 'application/pdf' AND text NOT LIKE '%UDHR library - %'";
            ((long)cmd.ExecuteScalar()!).Should().Be(Corpus.Ingest.Sample.SampleSite.PaperCount, "the crawl fetches the printable editions and extraction drops their running headers");
            cmd.CommandText = $"SELECT count(*) FROM read_parquet('{first}/docs/*.parquet')";
            ingested = (long)cmd.ExecuteScalar()!;
        }

        // The crawl's WARC read back by corpus extract (every document the build made) and by npm warcio,
        // whose parsed records get their block and payload digests recomputed by warcio-check.mjs.
        var extracted = Path.Combine(_root, "extract.jsonl");
        var extract = TestEnvironment.Run(null, "extract", Path.Combine(first, "warc"), "--out", extracted);
        extract.ExitCode.Should().Be(0, extract.Stderr);
        File.ReadLines(extracted).Count().Should().Be((int)ingested, "extract gives every document the build ingested");
        var scripts = Path.Combine(TestEnvironment.RepoRoot, "tests", "Corpus.Ingest.Tests", "Warc");
        TestEnvironment.RunProcess("bash", [Path.Combine(scripts, "install-warcio.sh"), TestEnvironment.RepoRoot], null).ExitCode.Should().Be(0);
        var cache = Path.Combine(TestEnvironment.RepoRoot, ".cache", "npm-test");
        var checker = Path.Combine(cache, "warcio-check-sample.mjs"); // beside node_modules, so the ES module finds warcio
        File.Copy(Path.Combine(scripts, "warcio-check.mjs"), checker, overwrite: true);
        foreach (var warc in Directory.GetFiles(Path.Combine(first, "warc"), "*.warc.gz"))
        {
            var check = TestEnvironment.RunProcess("node", [checker, warc], null);
            check.ExitCode.Should().Be(0, check.Stderr);
            using var json = System.Text.Json.JsonDocument.Parse(check.Stdout);
            json.RootElement.GetProperty("failures").GetArrayLength().Should().Be(0, check.Stdout[..Math.Min(2000, check.Stdout.Length)]);
            json.RootElement.GetProperty("checked").GetInt32().Should().BeGreaterThan(3000);
        }

        (code, _, stderr) = TestEnvironment.Run(null, "build", "--sample", "--out", second, "--workers", "1");
        code.Should().Be(0, stderr);
        // docs/, filtered/ and dedup/kept/ carry each crawl's WARC dates and record ids; the shards, the manifest
        // and the dedup clusters must not differ.
        var a = TestEnvironment.Snapshot(first, "_build", "warc", "docs", "rejects", "filtered", "dedup/kept");
        var b = TestEnvironment.Snapshot(second, "_build", "warc", "docs", "rejects", "filtered", "dedup/kept");
        b.Keys.Should().Equal(a.Keys);
        foreach (var key in a.Keys)
        {
            b[key].Should().Equal(a[key], $"{key} is the same bytes for two crawls of the sample site");
        }
    }
}
