using System.Text;
using System.Text.RegularExpressions;
using Corpus.Ingest.Sample;

namespace Corpus.Ingest.Tests.Sample;

public sealed partial class SampleSiteTests
{
    private static readonly Lazy<IReadOnlyList<UdhrTranslation>> Translations = new(() => UdhrLibrary.Load());

    [Fact]
    public void Library_holds_hundreds_of_translations_with_text()
    {
        var all = Translations.Value;
        all.Count.Should().BeGreaterThan(400);
        var english = all.Single(t => t.Code == "eng");
        english.Lang.Should().Be("en");
        english.Sections.Count.Should().Be(31, "a preamble and 30 articles");
        all.Select(t => t.Direction).Should().Contain("rtl");
    }

    [Fact]
    public void Every_link_from_the_home_page_resolves_as_designed()
    {
        var site = new SampleSite(Translations.Value, "http://127.0.0.1:1");
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var statuses = new Dictionary<int, int>();
        while (queue.Count > 0 && seen.Count < 20_000)
        {
            var path = queue.Dequeue();
            var response = site.Respond(path);
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            var next = new List<string>();
            if (response.Location is not null)
            {
                next.Add(response.Location);
            }
            else if (response.ContentType.StartsWith("text/html", StringComparison.Ordinal) && !path.StartsWith("/events", StringComparison.Ordinal))
            {
                var html = Encoding.UTF8.GetString(response.Body);
                foreach (Match m in Href().Matches(html))
                {
                    var href = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
                    if (href.StartsWith('#'))
                    {
                        continue;
                    }

                    next.Add(href.StartsWith('/') ? href : path[..(path.LastIndexOf('/') + 1)] + href);
                }
            }

            foreach (var n in next.Where(n => seen.Add(n)))
            {
                queue.Enqueue(n);
            }
        }

        statuses[200].Should().BeGreaterThan(2000, "hundreds of translations, several pages each");
        statuses[301].Should().BeGreaterThan(0);
        statuses[302].Should().Be(2, "the redirect loop");
        statuses[404].Should().Be(1, "one broken link");
        seen.Should().Contain("/private/staff-0.html").And.Contain(p => p.EndsWith("/print.html", StringComparison.Ordinal));
        seen.Where(SampleSite.IsDisallowed).Should().NotBeEmpty();
    }

    [Fact]
    public void Robots_txt_disallows_the_private_folder_and_print_pages()
    {
        var site = new SampleSite(Translations.Value, "http://127.0.0.1:1");
        var robots = Encoding.UTF8.GetString(site.Respond("/robots.txt").Body);
        robots.Should().Contain("Disallow: /private/").And.Contain("Disallow: /udhr/*/print").And.Contain("Sitemap: http://127.0.0.1:1/sitemap.xml");
        SampleSite.IsDisallowed("/udhr/eng/print.html").Should().BeTrue();
        SampleSite.IsDisallowed("/udhr/eng/part-0.html").Should().BeFalse();
    }

    [Fact]
    public void Pages_are_the_same_bytes_every_time()
    {
        var a = new SampleSite(Translations.Value, "http://127.0.0.1:1");
        var b = new SampleSite(UdhrLibrary.Load(), "http://127.0.0.1:1");
        a.Respond("/udhr/eng/part-1.html").Body.Should().Equal(b.Respond("/udhr/eng/part-1.html").Body);
    }

    [Fact]
    public async Task Server_answers_on_loopback_and_logs_requests()
    {
        await using var server = SampleSiteServer.Start(Translations.Value);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var home = await http.GetAsync(server.BaseUrl + "/");
        home.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).Should().Contain("every language");
        var moved = await http.GetAsync(server.BaseUrl + "/old/eng.html");
        ((int)moved.StatusCode).Should().Be(301);
        moved.Headers.Location!.ToString().Should().Be("/udhr/eng/");
        (await http.GetAsync(server.BaseUrl + "/missing.html")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        server.RequestLog.Select(r => r.PathAndQuery).Should().Equal("/", "/old/eng.html", "/missing.html");
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
