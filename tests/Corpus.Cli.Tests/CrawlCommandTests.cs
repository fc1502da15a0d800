using System.Diagnostics;
using Corpus.Ingest.Sample;
using Corpus.Ingest.Warc;

namespace Corpus.Cli.Tests;

public sealed class CrawlCommandTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewTempDir("crawl");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Crawl_killed_midway_and_run_again_fetches_the_rest_without_duplicates()
    {
        await using var server = SampleSiteServer.Start(UdhrLibrary.Load());
        string[] Args(string dir) => ["crawl", "--seed", server.BaseUrl + "/", "--out", dir, "--politeness-ms", "0", "--max-pages", "100000"];

        var reference = Path.Combine(_root, "reference");
        var full = TestEnvironment.Run(null, Args(reference));
        full.ExitCode.Should().Be(0, full.Stderr);
        full.Stdout.Should().Contain("crawled");

        var killed = Path.Combine(_root, "killed");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { TestEnvironment.CorpusDll }.Concat(Args(killed)))
        {
            psi.ArgumentList.Add(a);
        }

        var journal = Path.Combine(killed, ".crawl", "journal.log");
        using (var p = Process.Start(psi)!)
        {
            _ = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && (!File.Exists(journal) || CountLines(journal) < 1500))
            {
                Thread.Sleep(5);
            }

            p.HasExited.Should().BeFalse("the crawl must still be running when it is killed");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        var resumed = TestEnvironment.Run(null, Args(killed));
        resumed.ExitCode.Should().Be(0, resumed.Stderr);

        var expected = ResponseUris(reference);
        var actual = ResponseUris(killed);
        actual.Should().OnlyHaveUniqueItems("a page fetched before the kill is not fetched again");
        actual.Order(StringComparer.Ordinal).Should().Equal(expected.Order(StringComparer.Ordinal), "the resumed crawl ends with the same pages as an uninterrupted one");
        Directory.GetFiles(killed, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void Crawl_refuses_a_seed_that_is_not_http()
    {
        var (code, _, stderr) = TestEnvironment.Run(null, "crawl", "--seed", "file:///etc/passwd", "--out", Path.Combine(_root, "x"));
        code.Should().Be(2);
        stderr.Should().Contain("file:///etc/passwd");
    }

    [Fact]
    public void Crawl_refuses_an_invalid_url_pattern_naming_it()
    {
        var (code, _, stderr) = TestEnvironment.Run(null, "crawl", "--seed", "http://127.0.0.1:9/", "--out", Path.Combine(_root, "x"), "--include", "([a-z");
        code.Should().Be(2);
        stderr.Should().Contain("([a-z");
    }

    private static List<string> ResponseUris(string dir)
    {
        var uris = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.warc.gz").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            uris.AddRange(WarcReader.Open(stream).OfType<WarcRecord>().Where(r => r.Type == "response").Select(r => r.TargetUri!));
        }

        return uris;
    }

    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var n = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            n += b == '\n' ? 1 : 0;
        }

        return n;
    }
}
