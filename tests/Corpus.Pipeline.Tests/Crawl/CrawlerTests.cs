using Corpus.Ingest.Sample;
using Corpus.Ingest.Warc;
using Corpus.Pipeline.Crawl;

namespace Corpus.Pipeline.Tests.Crawl;

public sealed class CrawlerTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private static readonly Lazy<IReadOnlyList<UdhrTranslation>> Translations = new(() => UdhrLibrary.Load());
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-crawl-" + Guid.NewGuid().ToString("N"));

    void IDisposable.Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        Shutdown();
    }

    private CrawlOptions Options(SampleSiteServer server, int maxPages, TimeSpan politeness, int connections) => new()
    {
        Seeds = [server.BaseUrl + "/"],
        WarcDirectory = _dir,
        MaxPages = maxPages,
        Politeness = politeness,
        MaxConnectionsPerHost = connections,
        Fetchers = 8,
        Seed = 1,
    };

    [Fact]
    public async Task Disallowed_urls_are_never_requested_and_every_stored_record_verifies()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        var result = await Crawler.RunAsync(Sys, Options(server, 400, TimeSpan.Zero, 8));

        var requested = server.RequestLog.Select(r => r.PathAndQuery).ToList();
        requested[0].Should().Be("/robots.txt", "robots.txt comes before any page");
        requested.Where(SampleSite.IsDisallowed).Should().BeEmpty("robots.txt disallows /private/ and /udhr/*/print");
        result.Failures.Should().ContainKey("robots-disallowed");
        result.Pages.Should().BeGreaterThan(300).And.BeLessThanOrEqualTo(400);

        var responses = 0;
        foreach (var file in result.WarcFiles)
        {
            await using var stream = File.OpenRead(file);
            foreach (var r in WarcReader.Open(stream))
            {
                r.Should().BeOfType<WarcRecord>("every record the crawl wrote reads back with its digests verified");
                if (((WarcRecord)r).Type == "response")
                {
                    responses++;
                    ((WarcRecord)r).PayloadDigest.Should().Be(WarcDigestCheck.Verified);
                }
            }
        }

        responses.Should().Be((int)result.Pages);
    }

    [Fact]
    public async Task Politeness_delay_holds_between_requests_to_one_host()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        var delay = TimeSpan.FromMilliseconds(150);
        await Crawler.RunAsync(Sys, Options(server, 8, delay, 1));

        var pages = server.RequestLog.Where(r => r.PathAndQuery != "/robots.txt").Select(r => r.At).ToList();
        pages.Should().HaveCount(8);
        for (var i = 1; i < pages.Count; i++)
        {
            (pages[i] - pages[i - 1]).Should().BeGreaterThanOrEqualTo(delay * 0.9, $"request {i} waited for the politeness delay");
        }
    }

    [Fact]
    public async Task Traps_redirect_loops_and_broken_links_end_and_each_url_is_requested_once()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        var result = await Crawler.RunAsync(Sys, Options(server, 100_000, TimeSpan.Zero, 8) with { MaxDepth = 4 });

        var requested = server.RequestLog.Select(r => r.PathAndQuery).ToList();
        requested.Count(p => p.StartsWith("/events", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(60, "the endless listing is cut by the trap guard and depth");
        requested.Should().Contain("/missing.html").And.Contain("/loop/a").And.Contain("/loop/b").And.Contain(p => p.StartsWith("/old/", StringComparison.Ordinal));
        result.Failures.Should().ContainKey("http-status", "the 404 is stored but counted");
        requested.Should().OnlyHaveUniqueItems("the frontier queues each URL once, redirect targets and loops included");
    }
}
