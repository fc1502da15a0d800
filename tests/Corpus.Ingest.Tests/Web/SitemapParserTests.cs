using System.IO.Compression;
using System.Text;
using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class SitemapParserTests
{
    private const string UrlSet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://example.com/</loc><lastmod>2024-01-01</lastmod></url>
          <url><loc> https://Example.com/a?x=1 </loc></url>
          <url><loc>ftp://example.com/skip</loc></url>
          <url><loc>https://example.com/b</loc></url>
        </urlset>
        """;

    [Fact]
    public void Urlset_gives_page_urls_normalized_in_order()
    {
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes(UrlSet));
        sitemap.IsIndex.Should().BeFalse();
        sitemap.Urls.Should().Equal("https://example.com/", "https://example.com/a?x=1", "https://example.com/b");
        sitemap.Truncated.Should().BeFalse();
    }

    [Fact]
    public void Sitemap_index_gives_child_sitemaps()
    {
        const string index = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/s1.xml.gz</loc></sitemap>
              <sitemap><loc>https://example.com/s2.xml</loc></sitemap>
            </sitemapindex>
            """;
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes(index));
        sitemap.IsIndex.Should().BeTrue();
        sitemap.Urls.Should().Equal("https://example.com/s1.xml.gz", "https://example.com/s2.xml");
    }

    [Fact]
    public void Gzipped_sitemap_is_read()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(UrlSet));
        }

        SitemapParser.Parse(output.ToArray()).Urls.Should().HaveCount(3);
    }

    [Fact]
    public void Url_count_is_bounded()
    {
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes(UrlSet), maxUrls: 2);
        sitemap.Urls.Should().HaveCount(2);
        sitemap.Truncated.Should().BeTrue();
    }

    [Fact]
    public void Text_sitemap_has_one_url_a_line() =>
        SitemapParser.Parse(Encoding.UTF8.GetBytes("https://example.com/1\r\nhttps://example.com/2\n\n")).Urls
            .Should().Equal("https://example.com/1", "https://example.com/2");

    [Fact]
    public void Dtds_are_refused()
    {
        const string evil = """<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x "https://example.com/x">]><urlset><url><loc>&x;</loc></url></urlset>""";
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes(evil));
        sitemap.Urls.Should().BeEmpty();
        sitemap.Truncated.Should().BeTrue();
    }
}
