using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class LinkExtractorTests
{
    [Fact]
    public void Links_are_resolved_normalized_deduplicated_and_nofollow_skipped()
    {
        const string html = """
            <html><body>
            <a href="page2.html">2</a>
            <a href="/abs#frag">abs</a>
            <a href="page2.html#again">dup</a>
            <a href="https://Other.example/x?utm_source=y&id=1">other</a>
            <a href="/sponsored" rel="sponsored nofollow">ad</a>
            <a href="mailto:me@example.com">mail</a>
            <a href="javascript:void(0)">js</a>
            <a>no href</a>
            </body></html>
            """;

        var links = LinkExtractor.Extract(html, "http://example.com/dir/page1.html", dropTrackingParameters: true);

        links.Links.Should().Equal("http://example.com/dir/page2.html", "http://example.com/abs", "https://other.example/x?id=1");
        links.NoFollow.Should().BeFalse();
        links.NoIndex.Should().BeFalse();
    }

    [Fact]
    public void Base_href_is_what_relative_links_resolve_against()
    {
        const string html = """<html><head><base href="/other/base/"></head><body><a href="x.html">x</a><a href="../y">y</a></body></html>""";

        var links = LinkExtractor.Extract(html, "http://example.com/dir/page.html");

        links.BaseUrl.Should().Be("http://example.com/other/base/");
        links.Links.Should().Equal("http://example.com/other/base/x.html", "http://example.com/other/y");
    }

    [Fact]
    public void Meta_robots_nofollow_drops_all_links_and_noindex_is_reported()
    {
        const string html = """<html><head><meta name="ROBOTS" content="noindex, nofollow"></head><body><a href="/a">a</a></body></html>""";

        var links = LinkExtractor.Extract(html, "http://example.com/");

        links.Links.Should().BeEmpty();
        links.NoFollow.Should().BeTrue();
        links.NoIndex.Should().BeTrue();
    }

    [Fact]
    public void Meta_robots_none_means_noindex_and_nofollow()
    {
        var links = LinkExtractor.Extract("""<meta name="robots" content="none"><a href="/a">a</a>""", "http://example.com/");
        links.NoIndex.Should().BeTrue();
        links.NoFollow.Should().BeTrue();
    }

    [Fact]
    public void Canonical_link_is_resolved()
    {
        const string html = """<html><head><link rel="canonical" href="/Real-Page?b=1"></head><body></body></html>""";
        LinkExtractor.Extract(html, "http://EXAMPLE.com/copy").Canonical.Should().Be("http://example.com/Real-Page?b=1");
        LinkExtractor.Extract("<p>no canonical</p>", "http://example.com/").Canonical.Should().BeNull();
    }
}
