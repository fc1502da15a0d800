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

        // The server logs a request when its handler starts; on a busy machine a handler can start
        // late, which lengthens the gap before it and shortens the one after by as much. So every
        // two consecutive gaps together hold at least one delay, and the whole crawl at least six.
        for (var i = 2; i < pages.Count; i++)
        {
            (pages[i] - pages[i - 2]).Should().BeGreaterThanOrEqualTo(delay * 0.9, $"requests {i - 1} and {i} waited for the politeness delay");
        }

        (pages[^1] - pages[0]).Should().BeGreaterThanOrEqualTo(delay * 6, "seven gaps of the politeness delay, less one delay of server-side lateness");
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

    [Fact]
    public async Task A_crawl_run_again_resumes_from_its_journal_without_fetching_a_page_twice()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        var first = await Crawler.RunAsync(Sys, Options(server, 120, TimeSpan.Zero, 8));
        var firstRequests = server.RequestLog.Select(r => r.PathAndQuery).Where(p => p != "/robots.txt").ToHashSet();
        first.Pages.Should().BeInRange(100, 120, "the budget of 120 URLs includes the ones robots.txt refuses");

        var second = await Crawler.RunAsync(Sys, Options(server, 300, TimeSpan.Zero, 8));
        var secondRequests = server.RequestLog.Skip(firstRequests.Count + 1).Select(r => r.PathAndQuery).Where(p => p != "/robots.txt").ToList();
        secondRequests.Should().NotBeEmpty().And.NotContain(p => firstRequests.Contains(p), "pages of the first run are in its WARC and are not fetched again");
        second.Pages.Should().BeGreaterThan(first.Pages + 100).And.BeLessThanOrEqualTo(300, "the budget counts the URLs of both runs");
        second.WarcFiles.Should().HaveCount(2, "the resumed run writes a new WARC file after the first run's");

        var uris = new List<string>();
        foreach (var file in second.WarcFiles)
        {
            await using var stream = File.OpenRead(file);
            uris.AddRange(WarcReader.Open(stream).OfType<WarcRecord>().Where(r => r.Type == "response").Select(r => r.TargetUri!));
        }

        uris.Should().HaveCount((int)second.Pages).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_warc_file_cut_by_a_kill_is_cut_back_to_its_last_complete_record()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        var result = await Crawler.RunAsync(Sys, Options(server, 30, TimeSpan.Zero, 4));
        var file = result.WarcFiles.Single();
        var bytes = File.ReadAllBytes(file);
        var cut = file + ".tmp";
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 300)]);
        File.Delete(file);

        CrawlJournal.CutAfterLastCompleteRecord(cut);

        var whole = WarcReader.Open(new MemoryStream(bytes)).OfType<WarcRecord>().ToList();
        await using var stream = File.OpenRead(cut);
        var results = WarcReader.Open(stream).ToList();
        results.Should().OnlyContain(r => r is WarcRecord, "nothing partial is left");
        results.Should().HaveCount(whole.Count - 1, "only the record the cut went into is dropped (300 bytes are less than any gzip member)");
        results.OfType<WarcRecord>().Select(r => r.RecordId).Should().Equal(whole.Take(whole.Count - 1).Select(r => r.RecordId));
        whole.Count(r => r.Type == "response").Should().BeInRange(25, 30);
    }
}
