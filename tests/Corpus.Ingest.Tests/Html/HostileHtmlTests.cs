using System.Text;
using System.Text.RegularExpressions;
using Corpus.Ingest.Html;
using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Html;

/// <summary>Pages built to be expensive: deep, wide, long words, huge tags. Correctness only, no timings.</summary>
public partial class HostileHtmlTests
{
    private const string Prose = "The river rose three metres overnight, flooding the lower town, and residents were moved to the school on the hill.";

    private static string Page(string body) => $"<!DOCTYPE html><html><head><title>Hostile</title></head><body>{body}</body></html>";

    private static string NestedDivs(int depth, string innermost = "")
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("<div>w").Append(i).Append(' ');
        }

        html.Append(innermost);
        for (var i = 0; i < depth; i++)
        {
            html.Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void ShouldHoldEveryWordInOrder(string text, int count)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        words.Should().HaveCount(count);
        Enumerable.Range(0, count).All(i => words[i] == $"w{i}").Should().BeTrue("the words come out in document order");
    }

    [Fact]
    public void A_hundred_thousand_nested_divs_extract_every_word_in_order()
    {
        const int Depth = 100_000;

        var page = MainContentExtractor.Extract(NestedDivs(Depth));

        page.Title.Should().Be("Deep");
        ShouldHoldEveryWordInOrder(page.Text, Depth);
    }

    [Fact]
    public void Plain_text_and_links_of_thirty_thousand_nested_divs_are_all_found()
    {
        const int Depth = 30_000;
        var html = NestedDivs(Depth, "<a href=\"/bottom\">bottom link</a>");

        ShouldHoldEveryWordInOrder(HtmlTextExtractor.Extract(html).Text, Depth);
        LinkExtractor.Extract(html, "http://example.test/").Links.Should().Equal("http://example.test/bottom");
    }

    [Fact]
    public void A_page_of_fifty_thousand_paragraphs_keeps_every_paragraph()
    {
        const int Paragraphs = 50_000;
        var body = new StringBuilder("<article><h1>Wide</h1>");
        for (var i = 0; i < Paragraphs; i++)
        {
            body.Append("<p>w").Append(i).Append(' ').Append(Prose).Append("</p>\n");
        }

        var text = MainContentExtractor.Extract(Page(body.Append("</article>").ToString())).Text;

        var paragraphs = text.Split("\n\n");
        paragraphs.Should().HaveCount(Paragraphs + 1);
        paragraphs[0].Should().Be("# Wide");
        paragraphs[^1].Should().Be($"w{Paragraphs - 1} {Prose}");
        ShouldHoldEveryWordInOrder(text, Paragraphs);
    }

    [Fact]
    public void A_multi_megabyte_word_is_kept_whole()
    {
        var word = string.Create(4_000_000, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + (i % 26));
            }
        });

        var text = MainContentExtractor.Extract(Page($"<article><p>{Prose}</p><p>{word}</p><p>{Prose}</p></article>")).Text;

        text.Should().Be($"{Prose}\n\n{word}\n\n{Prose}");
    }

    [Fact]
    public void An_element_with_a_hundred_thousand_attributes_keeps_its_text()
    {
        var attributes = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            attributes.Append(" data-a").Append(i).Append("=\"v").Append(i).Append('"');
        }

        var html = Page($"<article><p{attributes} class=\"{new string('x', 1_000_000)} lead\">{Prose}</p><p>{Prose}</p></article>");

        MainContentExtractor.Extract(html).Text.Should().Be($"{Prose}\n\n{Prose}");
    }

    [Fact]
    public void Ten_thousand_nested_inline_tags_keep_their_text_in_order()
    {
        const int Depth = 10_000;
        string[] tags = ["b", "i", "em", "strong", "span", "a", "u", "small", "code", "font"];
        var html = new StringBuilder("<article><p>");
        for (var i = 0; i < Depth; i++)
        {
            html.Append('<').Append(tags[i % tags.Length]).Append(">w").Append(i).Append(' ');
        }

        for (var i = Depth - 1; i >= 0; i--)
        {
            html.Append("</").Append(tags[i % tags.Length]).Append('>');
        }

        var text = MainContentExtractor.Extract(Page(html.Append("</p></article>").ToString())).Text;

        ShouldHoldEveryWordInOrder(text, Depth);
    }

    [Fact]
    public void Short_blocks_nested_around_a_huge_script_read_as_their_own_text()
    {
        // Every level is a short line block the word rules read; each level's TextContent holds 4 MB of script.
        var html = new StringBuilder($"<article><p>{Prose}</p><p>{Prose}</p><p>{Prose}</p>");
        for (var i = 0; i < 150; i++)
        {
            html.Append("<div>");
        }

        html.Append("Weather report<script>").Append('x', 4_000_000).Append("</script>");
        for (var i = 0; i < 150; i++)
        {
            html.Append("</div>");
        }

        var text = MainContentExtractor.Extract(Page(html.Append("</article>").ToString())).Text;

        text.Should().Be($"{Prose}\n\n{Prose}\n\n{Prose}\n\nWeather report");
    }

    [GeneratedRegex(@"\bw\d+\b")]
    private static partial Regex Word();
}
