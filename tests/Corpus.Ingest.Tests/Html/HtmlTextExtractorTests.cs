using Corpus.Ingest.Html;

namespace Corpus.Ingest.Tests.Html;

public class HtmlTextExtractorTests
{
    [Fact]
    public void Blocks_become_lines_and_inline_whitespace_collapses()
    {
        var (_, text) = HtmlTextExtractor.Extract("<body><h1>Title</h1><div>a\n   b</div><ul><li>one</li><li>two</li></ul></body>");
        text.Should().Be("Title\n\na b\n\none\ntwo");
    }

    [Fact]
    public void Pre_keeps_its_whitespace()
    {
        var (_, text) = HtmlTextExtractor.Extract("<body><pre>if x:\n    y()</pre></body>");
        text.Should().Be("if x:\n    y()");
    }

    [Fact]
    public void Invisible_elements_are_dropped_and_entities_decoded()
    {
        var (title, text) = HtmlTextExtractor.Extract("<html><head><title> A &amp; B </title></head><body><noscript>no</noscript><template>t</template><p hidden>h</p><p>x &lt; y</p></body></html>");
        title.Should().Be("A & B");
        text.Should().Be("x < y");
    }

    [Fact]
    public void Title_falls_back_to_first_h1()
    {
        HtmlTextExtractor.Extract("<body><h1>Head</h1><p>x</p></body>").Title.Should().Be("Head");
    }
}
