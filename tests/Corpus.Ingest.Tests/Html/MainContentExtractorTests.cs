using System.Text;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Tests.Html;

public class MainContentExtractorTests
{
    private const string Prose1 = "The river rose three metres overnight, flooding the lower town, and residents were moved to the school on the hill while volunteers filled sandbags.";
    private const string Prose2 = "By morning the water had reached the market square, where traders, who had seen floods before, had already lifted their stock onto tables and shelves.";
    private const string Prose3 = "Engineers say the new levee, finished last spring, held along most of its length, but a section near the old mill gave way shortly after midnight.";

    private static string Page(string body, string head = "") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><title>Flood news</title>{head}</head><body>{body}</body></html>";

    private static string Article => $"<h1>Town floods after storm</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>";

    [Fact]
    public void Boilerplate_around_the_article_is_dropped_and_the_article_kept_in_order()
    {
        var html = Page(
            "<header><a href=/>Home</a> <a href=/news>News</a></header>"
            + "<nav><ul><li><a href=/a>Politics</a></li><li><a href=/b>Sport</a></li></ul></nav>"
            + "<div class=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies?</div>"
            + "<div class=\"breadcrumbs\"><a href=/>Home</a> › <a href=/news>News</a></div>"
            + $"<article>{Article}"
            + "<div class=\"share-buttons\"><a href=#>Share on Facebook</a> <a href=#>Tweet this</a></div></article>"
            + "<div class=\"ad-slot ads\">Advertisement: buy the best boots in town today, limited offer.</div>"
            + "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=/x>Celebrity wedding shocks fans everywhere</a></li><li><a href=/y>Ten recipes for autumn evenings</a></li></ul></aside>"
            + "<section id=\"comments\" class=\"comments\"><h2>Comments</h2><p>Great article, thanks for writing it, I learned a lot from this piece today.</p></section>"
            + "<div class=\"related-articles\"><h3>Related</h3><p><a href=/r>Storm warnings issued for the coast as winds pick up</a></p></div>"
            + "<footer><p>Copyright 2024 Example News. All rights reserved. Contact us at the office.</p></footer>");

        var text = MainContentExtractor.Extract(html).Text;

        text.Should().Be($"# Town floods after storm\n\n{Prose1}\n\n{Prose2}\n\n{Prose3}");
    }

    [Fact]
    public void Scripts_styles_forms_and_hidden_elements_are_dropped()
    {
        var html = Page(
            $"<main><script>var x = 'script text';</script><style>p {{ color: red }}</style>{Article}"
            + "<p hidden>Hidden by attribute.</p><div style=\"display: none\">Hidden by style.</div>"
            + "<form action=/search><input name=q><button>Search the site</button> Subscribe to our letter</form></main>");

        var text = MainContentExtractor.Extract(html).Text;

        text.Should().Contain(Prose3);
        text.Should().NotContainAny("script text", "color", "Hidden by", "Search the site", "Subscribe");
    }

    [Fact]
    public void Headings_lists_tables_code_and_quotes_are_rendered_as_light_markdown()
    {
        var html = Page(
            $"<article><h1>Title</h1><p>{Prose1}</p><h2>Steps</h2><ul><li>First step</li><li>Second <b>step</b></li></ul>"
            + "<ol><li>One</li><li>Two<ul><li>Nested</li></ul></li></ol>"
            + "<table><tr><th>Year</th><th>Level</th></tr><tr><td>2023</td><td>4.1 m</td></tr></table>"
            + "<pre><code>if (level &gt; 4)\n    Warn();</code></pre>"
            + $"<blockquote><p>We have never seen it this high.</p><p>Second line.</p></blockquote><p>{Prose2}</p></article>");

        var text = MainContentExtractor.Extract(html).Text;

        text.Should().Be(
            $"# Title\n\n{Prose1}\n\n## Steps\n\n- First step\n- Second step\n\n- One\n- Two\n  - Nested\n\n"
            + "Year | Level\n2023 | 4.1 m\n\n```\nif (level > 4)\n    Warn();\n```\n\n"
            + $"> We have never seen it this high.\n>\n> Second line.\n\n{Prose2}");
    }

    [Fact]
    public void Title_language_canonical_date_and_author_are_read_from_the_head()
    {
        var head = "<link rel=\"canonical\" href=\"/news/flood\"><meta property=\"og:title\" content=\"Town floods\">"
            + "<meta name=\"author\" content=\"Ann Writer\"><meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\">";

        var page = MainContentExtractor.Extract(Page($"<article>{Article}</article>", head), "https://example.com/x?y=1");

        page.Title.Should().Be("Town floods");
        page.Language.Should().Be("en");
        page.CanonicalUrl.Should().Be("https://example.com/news/flood");
        page.Date.Should().Be(new DateOnly(2024, 3, 5));
        page.Author.Should().Be("Ann Writer");
    }

    [Fact]
    public void Date_and_author_come_from_json_ld_or_time_when_meta_has_none()
    {
        var jsonLd = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-20\",\"author\":{\"@type\":\"Person\",\"name\":\"Bo Reporter\"}}]}</script>";
        var fromJsonLd = MainContentExtractor.Extract(Page($"<article>{Article}</article>", jsonLd));
        var fromTime = MainContentExtractor.Extract(Page($"<article><time datetime=\"2022-01-31\">31 Jan</time>{Article}</article>"));

        fromJsonLd.Date.Should().Be(new DateOnly(2023, 11, 20));
        fromJsonLd.Author.Should().Be("Bo Reporter");
        fromTime.Date.Should().Be(new DateOnly(2022, 1, 31));
        fromTime.Title.Should().Be("Flood news");
    }

    [Fact]
    public void Without_article_markup_the_densest_block_wins()
    {
        var links = string.Concat(Enumerable.Range(0, 12).Select(i => $"<li><a href=/p{i}>Another story number {i} worth a click</a></li>"));
        var html = Page(
            $"<div id=\"top\"><ul>{links}</ul></div>"
            + $"<div id=\"left\"><div class=\"x1\"><p>Short teaser text, not much.</p></div></div>"
            + $"<div id=\"center\"><div class=\"x2\"><h2>Storm report</h2><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div></div>"
            + $"<div id=\"bottom\"><p><a href=/imprint>Imprint</a> | <a href=/privacy>Privacy</a></p></div>");

        var text = MainContentExtractor.Extract(html).Text;

        text.Should().StartWith("## Storm report").And.Contain(Prose1).And.EndWith(Prose3);
        text.Should().NotContainAny("Another story", "teaser", "Imprint");
    }

    [Fact]
    public void A_short_page_with_one_paragraph_is_still_extracted()
    {
        var text = MainContentExtractor.Extract("<html><body><p>Closed on Monday.</p></body></html>").Text;

        text.Should().Be("Closed on Monday.");
    }

    [Fact]
    public void Entities_are_decoded_and_text_is_nfc()
    {
        var text = MainContentExtractor.Extract(Page($"<p>Caf&eacute; &amp; cre\u0300me &lt;b&gt; &#8364;5 &nbsp;ok</p><p>{Prose1}</p>")).Text;

        text.Should().StartWith("Café & crème <b> €5 ok");
        text.Should().Be(text.Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not html at all < > & ;; </p></div>")]
    [InlineData("<html><head><title>t</title></head></html>")]
    [InlineData("<body><table><tr><td><table><td><p>x</table></ul></li><pre>")]
    [InlineData("<<<>>><!-- unclosed comment <div class=\"\" id>")]
    [InlineData("<script type=\"application/ld+json\">{broken json</script><p>text")]
    public void Empty_or_garbage_html_never_throws(string html)
    {
        var act = () => MainContentExtractor.Extract(html, "not a url");

        act.Should().NotThrow();
    }

    [Fact]
    public void Deeply_nested_html_never_throws_and_keeps_its_text()
    {
        var depth = 20_000;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>Deep text at the bottom.</p>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("</div>");
        }

        html.Append("</body></html>");

        var page = MainContentExtractor.Extract(html.ToString());

        page.Text.Should().Contain("Deep text at the bottom.");
    }

    [Fact]
    public void Text_past_the_render_depth_keeps_its_order_and_leaves_out_hidden_and_boilerplate_elements()
    {
        var html = new StringBuilder($"<html><body><article><p>{Prose1}</p>");
        for (var i = 0; i < 200; i++)
        {
            html.Append("<div>");
        }

        html.Append("first <span hidden>hidden words</span>second<div class=\"share-buttons\">Share this</div><p>third</p>fourth");
        for (var i = 0; i < 200; i++)
        {
            html.Append("</div>");
        }

        html.Append($"<p>{Prose2}</p></article></body></html>");

        var text = MainContentExtractor.Extract(html.ToString()).Text;

        text.Should().Contain("first second\nthird\nfourth").And.NotContainAny("hidden words", "Share this");
        text.IndexOf(Prose1, StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("first", StringComparison.Ordinal));
        text.IndexOf("fourth", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf(Prose2, StringComparison.Ordinal));
    }

    [Fact]
    public void Preformatted_text_keeps_its_line_breaks_and_leaves_out_hidden_elements()
    {
        var html = Page($"<article>{Article}<pre>line one<br>line <b>two</b><span style=\"display:none\">secret</span>\n  line three</pre></article>");

        MainContentExtractor.Extract(html).Text.Should().Contain("```\nline one\nline two\n  line three\n```");
    }

    [Fact]
    public void Tables_are_dropped_when_the_options_say_so()
    {
        var html = Page($"<article>{Article}<table><tr><td>Cell A</td><td>Cell B</td></tr></table></article>");

        MainContentExtractor.Extract(html, options: new MainContentOptions { IncludeTables = false }).Text.Should().NotContain("Cell A");
        MainContentExtractor.Extract(html).Text.Should().Contain("Cell A | Cell B");
    }
}
