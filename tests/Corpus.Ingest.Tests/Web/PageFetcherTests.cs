using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public sealed class PageFetcherTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly PageFetcher _fetcher = new(new PageFetcherOptions
    {
        UserAgent = "CorpusTestBot/1.0",
        TotalTimeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxBodyBytes = 64 * 1024,
    });

    public void Dispose()
    {
        _fetcher.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Redirects_301_302_307_308_and_relative_locations_are_followed_to_the_final_page()
    {
        _server.Redirect("/start", 301, _server.Url("/two"));
        _server.Redirect("/two", 302, "/three");
        _server.Redirect("/three", 307, "four");
        _server.Redirect("/four", 308, "./final?x=1");
        _server.Map("/final", 200, "<html>done</html>");

        var result = await _fetcher.FetchAsync(_server.Url("/start"));

        result.Succeeded.Should().BeTrue(result.FailureDetail);
        result.FinalUrl.Should().Be(_server.Url("/final?x=1"));
        result.Redirects.Select(h => h.Status).Should().Equal(301, 302, 307, 308);
        result.Redirects.Select(h => h.Url).Should().Equal(_server.Url("/start"), _server.Url("/two"), _server.Url("/three"), _server.Url("/four"));
        Encoding.UTF8.GetString(result.Body.Span).Should().Be("<html>done</html>");
    }

    [Fact]
    public async Task A_redirect_loop_is_refused()
    {
        _server.Redirect("/a", 302, "/b");
        _server.Redirect("/b", 302, "/a");

        var result = await _fetcher.FetchAsync(_server.Url("/a"));

        result.Failure.Should().Be(FetchFailures.RedirectLoop);
        _server.RequestsTo("/a").Should().HaveCount(1);
    }

    [Fact]
    public async Task Five_redirects_are_followed_and_a_sixth_is_refused()
    {
        for (var i = 0; i < 6; i++)
        {
            _server.Redirect($"/r{i}", 302, $"/r{i + 1}");
        }

        _server.Map("/r5", 200, "five hops");
        _server.Map("/r6", 200, "six hops");

        var five = await _fetcher.FetchAsync(_server.Url("/r0"));
        five.Succeeded.Should().BeTrue();
        five.Redirects.Should().HaveCount(5);

        _server.Redirect("/r5", 302, "/r6");
        var six = await _fetcher.FetchAsync(_server.Url("/r0"));
        six.Failure.Should().Be(FetchFailures.TooManyRedirects);
        _server.RequestsTo("/r6").Should().BeEmpty();
    }

    [Fact]
    public async Task Each_redirect_hop_goes_through_the_callers_check()
    {
        _server.Redirect("/open", 301, "/private/page");
        _server.Map("/private/page", 200, "secret");
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /private\n").RulesFor("CorpusTestBot");

        var result = await _fetcher.FetchAsync(
            _server.Url("/open"),
            (url, _) => ValueTask.FromResult(robots.IsAllowed(url) ? null : FetchFailures.RobotsDisallowed));

        result.Failure.Should().Be(FetchFailures.RobotsDisallowed);
        result.FailureDetail.Should().Be(_server.Url("/private/page"));
        _server.RequestsTo("/private/page").Should().BeEmpty();
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_retried_after_waiting_at_least_that_long()
    {
        var calls = 0;
        _server.Map("/busy", (context, _) => Interlocked.Increment(ref calls) == 1
            ? LocalHttpServer.RespondAsync(context, 503, Encoding.UTF8.GetBytes("busy"), "text/plain", ("Retry-After", "1"))
            : LocalHttpServer.RespondAsync(context, 200, Encoding.UTF8.GetBytes("ok"), "text/plain"));

        var result = await _fetcher.FetchAsync(_server.Url("/busy"));

        result.Succeeded.Should().BeTrue();
        result.Attempts.Should().Be(2);
        var requests = _server.RequestsTo("/busy");
        requests.Should().HaveCount(2);
        Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_429_is_retried()
    {
        var calls = 0;
        _server.Map("/limited", (context, _) => Interlocked.Increment(ref calls) == 1
            ? LocalHttpServer.RespondAsync(context, 429, [], "text/plain")
            : LocalHttpServer.RespondAsync(context, 200, Encoding.UTF8.GetBytes("ok"), "text/plain"));

        var result = await _fetcher.FetchAsync(_server.Url("/limited"));

        result.Succeeded.Should().BeTrue();
        result.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task A_persistent_500_gives_up_after_the_retries_with_the_response_kept()
    {
        _server.Map("/broken", 500, "oops", "text/plain");

        var result = await _fetcher.FetchAsync(_server.Url("/broken"));

        result.Failure.Should().Be(FetchFailures.HttpStatus);
        result.Status.Should().Be(500);
        result.Attempts.Should().Be(3);
        _server.RequestsTo("/broken").Should().HaveCount(3);
        Encoding.UTF8.GetString(result.Body.Span).Should().Be("oops");
    }

    [Fact]
    public async Task A_404_is_not_retried_and_keeps_its_body()
    {
        var result = await _fetcher.FetchAsync(_server.Url("/missing"));

        result.Failure.Should().Be(FetchFailures.HttpStatus);
        result.Status.Should().Be(404);
        result.Attempts.Should().Be(1);
        Encoding.UTF8.GetString(result.Body.Span).Should().Be("not found");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_too_large_and_cut_at_the_limit()
    {
        _server.Map("/big", async (context, ct) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.SendChunked = true;
            var chunk = new byte[16 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await context.Response.OutputStream.WriteAsync(chunk, ct);
            }

            context.Response.Close();
        });

        var result = await _fetcher.FetchAsync(_server.Url("/big"));

        result.Failure.Should().Be(FetchFailures.TooLarge);
        result.Truncated.Should().BeTrue();
        result.Body.Length.Should().Be(64 * 1024);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out()
    {
        _server.Map("/slow", async (context, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            await LocalHttpServer.RespondAsync(context, 200, [], "text/plain");
        });
        using var fetcher = new PageFetcher(new PageFetcherOptions { TotalTimeout = TimeSpan.FromMilliseconds(300) });

        var result = await fetcher.FetchAsync(_server.Url("/slow"));

        result.Failure.Should().Be(FetchFailures.Timeout);
        result.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Gzip_body_is_decoded_and_the_wire_body_and_headers_kept()
    {
        const string page = "<html><body>compressed page compressed page compressed page</body></html>";
        var gzipped = Compress(page, s => new GZipStream(s, CompressionLevel.Optimal));
        _server.Map("/gz", (context, _) => LocalHttpServer.RespondAsync(context, 200, gzipped, "text/html", ("Content-Encoding", "gzip")));

        var result = await _fetcher.FetchAsync(_server.Url("/gz"));

        result.Succeeded.Should().BeTrue(result.FailureDetail);
        result.ContentDecoded.Should().BeTrue();
        Encoding.UTF8.GetString(result.Body.Span).Should().Be(page);
        result.WireBody.ToArray().Should().Equal(gzipped);
        result.Header("Content-Encoding").Should().Be("gzip");
        Encoding.Latin1.GetString(result.RawResponseHeaders.Span).Should().Contain("Content-Encoding: gzip\r\n");
        _server.RequestsTo("/gz").Single().AcceptEncoding.Should().Contain("br");
    }

    [Fact]
    public async Task Brotli_body_is_decoded()
    {
        const string page = "<html><body>brotli page</body></html>";
        var compressed = Compress(page, s => new BrotliStream(s, CompressionLevel.Optimal));
        _server.Map("/br", (context, _) => LocalHttpServer.RespondAsync(context, 200, compressed, "text/html", ("Content-Encoding", "br")));

        var result = await _fetcher.FetchAsync(_server.Url("/br"));

        result.Succeeded.Should().BeTrue(result.FailureDetail);
        Encoding.UTF8.GetString(result.Body.Span).Should().Be(page);
    }

    [Fact]
    public async Task Deflate_body_is_decoded_whether_zlib_wrapped_or_raw()
    {
        const string page = "<html><body>deflated page</body></html>";
        var zlib = Compress(page, s => new ZLibStream(s, CompressionLevel.Optimal));
        var raw = Compress(page, s => new DeflateStream(s, CompressionLevel.Optimal));
        _server.Map("/zlib", (context, _) => LocalHttpServer.RespondAsync(context, 200, zlib, "text/html", ("Content-Encoding", "deflate")));
        _server.Map("/raw", (context, _) => LocalHttpServer.RespondAsync(context, 200, raw, "text/html", ("Content-Encoding", "deflate")));

        foreach (var path in new[] { "/zlib", "/raw" })
        {
            var result = await _fetcher.FetchAsync(_server.Url(path));
            result.Succeeded.Should().BeTrue(result.FailureDetail);
            Encoding.UTF8.GetString(result.Body.Span).Should().Be(page, path);
        }
    }

    [Fact]
    public async Task A_body_that_does_not_decode_is_decode_failed_with_the_wire_body_kept()
    {
        byte[] garbage = [1, 2, 3, 4, 5, 6, 7, 8];
        _server.Map("/bad-gzip", (context, _) => LocalHttpServer.RespondAsync(context, 200, garbage, "text/html", ("Content-Encoding", "gzip")));

        var result = await _fetcher.FetchAsync(_server.Url("/bad-gzip"));

        result.Failure.Should().Be(FetchFailures.DecodeFailed);
        result.WireBody.ToArray().Should().Equal(garbage);
    }

    // The br body bench/fuzz/run-sharpfuzz.sh (http) found for HttpBlock: BrotliStream throws InvalidOperationException, not InvalidDataException.
    [Fact]
    public async Task A_br_body_that_does_not_decode_is_decode_failed_with_the_wire_body_kept()
    {
        byte[] garbage = [0xFA, 0x04, 0x80, .. "bro"u8, 0xE8, 0x03, .. "i body"u8, 0x03];
        _server.Map("/bad-br", (context, _) => LocalHttpServer.RespondAsync(context, 200, garbage, "text/html", ("Content-Encoding", "br")));

        var result = await _fetcher.FetchAsync(_server.Url("/bad-br"));

        result.Failure.Should().Be(FetchFailures.DecodeFailed);
        result.WireBody.ToArray().Should().Equal(garbage);
    }

    [Fact]
    public async Task A_non_html_type_is_routed_to_skip()
    {
        _server.Map("/image", (context, _) => LocalHttpServer.RespondAsync(context, 200, [0x89, 0x50, 0x4E, 0x47], "image/png"));

        var result = await _fetcher.FetchAsync(_server.Url("/image"));
        var route = ContentRouter.Route(result.Header("Content-Type"), result.Body.Span);

        route.Kind.Should().Be(ContentKind.Skip);
        route.SkipReason.Should().Be("unsupported-type");
        route.MediaType.Should().Be("image/png");
    }

    [Fact]
    public async Task A_closed_port_is_connect_failed()
    {
        using var fetcher = new PageFetcher(new PageFetcherOptions { MaxRetries = 0 });

        var result = await fetcher.FetchAsync($"http://127.0.0.1:{LocalHttpServer.FreePort()}/");

        result.Failure.Should().Be(FetchFailures.ConnectFailed);
        result.Status.Should().Be(0);
    }

    [Fact]
    public async Task Result_carries_raw_request_and_response_headers_the_user_agent_and_the_ip()
    {
        _server.Map("/page", 200, "<p>hi</p>");

        var result = await _fetcher.FetchAsync(_server.Url("/page?q=1"));

        var request = Encoding.Latin1.GetString(result.RawRequestHeaders.Span);
        request.Should().StartWith("GET /page?q=1 HTTP/1.1\r\nHost: 127.0.0.1:");
        request.Should().Contain("User-Agent: CorpusTestBot/1.0\r\n").And.EndWith("\r\n\r\n");
        var response = Encoding.Latin1.GetString(result.RawResponseHeaders.Span);
        response.Should().StartWith("HTTP/1.1 200 OK\r\n").And.EndWith("\r\n\r\n");
        response.Should().Contain("Content-Type: text/html; charset=utf-8\r\n");
        result.ContentDecoded.Should().BeFalse();
        result.IpAddress.Should().Be(IPAddress.Loopback);
        _server.RequestsTo("/page").Single().UserAgent.Should().Be("CorpusTestBot/1.0");
    }

    [Fact]
    public async Task Robots_policy_fetches_follows_redirects_and_applies_the_status_rules()
    {
        _server.Redirect("/robots.txt", 301, "/real-robots.txt");
        _server.Map("/real-robots.txt", 200, "User-agent: *\nDisallow: /private\n", "text/plain");

        var robots = await RobotsPolicy.FetchAsync(_fetcher, _server.Url("/some/page"));
        robots.RulesFor("CorpusTestBot").IsAllowed("/private/x").Should().BeFalse();

        _server.Map("/robots.txt", 503, "down", "text/plain");
        using var noRetry = new PageFetcher(new PageFetcherOptions { MaxRetries = 0 });
        (await RobotsPolicy.FetchAsync(noRetry, _server.Url("/"))).RulesFor("bot").IsAllowed("/public").Should().BeFalse();

        _server.Map("/robots.txt", 404, "none", "text/plain");
        (await RobotsPolicy.FetchAsync(noRetry, _server.Url("/"))).RulesFor("bot").IsAllowed("/private").Should().BeTrue();

        (await RobotsPolicy.FetchAsync(noRetry, $"http://127.0.0.1:{LocalHttpServer.FreePort()}/")).RulesFor("bot").IsAllowed("/").Should().BeFalse();
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    [InlineData("Sun, 29 Nov 2026 00:00:30 GMT", 30)]
    [InlineData("Sat, 28 Nov 2026 23:00:00 GMT", 0)]
    public void Retry_After_reads_seconds_and_http_dates(string value, int seconds) =>
        PageFetcher.RetryAfter(value, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Retry_After_is_capped()
    {
        var result = new FetchResult { RequestedUrl = "http://e/", FinalUrl = "http://e/", Headers = [new("Retry-After", "86400")] };
        _fetcher.RetryDelay(1, result).Should().Be(_fetcher.Options.MaxRetryAfter);
    }

    [Fact]
    public void Backoff_grows_with_each_retry()
    {
        var result = new FetchResult { RequestedUrl = "http://e/", FinalUrl = "http://e/" };
        using var fetcher = new PageFetcher(new PageFetcherOptions { RetryBaseDelay = TimeSpan.FromSeconds(1) });
        fetcher.RetryDelay(1, result).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1.5));
        fetcher.RetryDelay(3, result).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(6));
    }

    private static byte[] Compress(string text, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
