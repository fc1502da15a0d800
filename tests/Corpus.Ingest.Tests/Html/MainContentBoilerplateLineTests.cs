using Corpus.Ingest.Html;

namespace Corpus.Ingest.Tests.Html;

/// <summary>The word-level boilerplate rules: terminating lead-ins, inline teasers, date and credit lines, furniture class names.</summary>
public class MainContentBoilerplateLineTests
{
    private const string Prose1 = "The river rose three metres overnight, flooding the lower town, and residents were moved to the school on the hill while volunteers filled sandbags.";
    private const string Prose2 = "By morning the water had reached the market square, where traders, who had seen floods before, had already lifted their stock onto tables and shelves.";
    private const string Prose3 = "Engineers say the new levee, finished last spring, held along most of its length, but a section near the old mill gave way shortly after midnight.";
    private const string Prose4 = "Die Stadtwerke haben am Abend mitgeteilt, dass die Versorgung mit Trinkwasser gesichert ist, auch wenn einzelne Leitungen noch geprüft werden müssen.";

    private static string Page(string body) =>
        $"<!DOCTYPE html><html><head><title>Flood news</title></head><body><article>{body}</article></body></html>";

    private static string Extract(string body) => MainContentExtractor.Extract(Page(body)).Text;

    [Theory]
    [InlineData("<h3>Mehr zum Thema</h3>")]
    [InlineData("<h2>Related articles</h2>")]
    [InlineData("<p><strong>Czytaj także:</strong></p>")]
    [InlineData("<div>À lire aussi</div>")]
    [InlineData("<p>Kontakt:</p>")]
    public void A_lead_in_after_most_of_the_article_ends_it_with_everything_that_follows(string leadIn)
    {
        var text = Extract(
            $"<h1>Town floods</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>{leadIn}"
            + "<p>Storm warnings issued along the whole coast as the winds pick up again tonight, forecasters say.</p>"
            + "<ul><li>Another story</li><li>Yet another story</li></ul>");

        text.Should().EndWith(Prose3);
    }

    [Fact]
    public void A_lead_in_early_in_the_article_ends_nothing()
    {
        var text = Extract($"<h1>Town floods</h1><p>{Prose1}</p><h2>Weitere Informationen</h2><p>{Prose2}</p><p>{Prose3}</p><p>{Prose4}</p>");

        text.Should().Contain("Weitere Informationen").And.EndWith(Prose4);
    }

    [Fact]
    public void An_inline_read_also_teaser_is_dropped_and_the_article_goes_on()
    {
        var text = Extract(
            $"<h1>Town floods</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>"
            + "<p>Read more: <a href=/x>Looted art to be returned to its owners</a></p>"
            + $"<p>{Prose4}</p>");

        text.Should().NotContain("Looted art").And.EndWith(Prose4);
    }

    [Fact]
    public void A_paragraph_that_only_starts_with_a_lead_in_word_is_kept()
    {
        var text = Extract(
            $"<h1>Town floods</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>"
            + "<p>Weitere Informationen erteilt die Stadtverwaltung unter Telefon 0123 4567 (<a href=mailto:info@example.org>info@example.org</a>).</p>");

        text.Should().Contain("Weitere Informationen erteilt die Stadtverwaltung");
    }

    [Theory]
    [InlineData("<p>11 Jan 2019</p>", "11 Jan 2019")]
    [InlineData("<div><time>16 marca 2021</time></div>", "16 marca 2021")]
    [InlineData("<p>Letzte Änderung 14.02.2019</p>", "Letzte Änderung")]
    [InlineData("<p><b>Aktualisiert am</b> 21.01.2022, 11:39 Uhr</p>", "Aktualisiert am")]
    [InlineData("<p>Foto: Sascha Beispiel</p>", "Sascha Beispiel")]
    [InlineData("<div>(Credit: Jane Doe / Agency)</div>", "Jane Doe")]
    [InlineData("<p>Lee Elder spoke to the golfer before the final round. | © Example Images</p>", "Example Images")]
    public void Lone_date_update_and_credit_lines_are_dropped(string line, string gone)
    {
        var text = Extract($"<h1>Town floods</h1>{line}<p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>");

        text.Should().NotContain(gone).And.Contain(Prose1);
    }

    [Theory]
    [InlineData("<ul><li>1995</li><li>2004</li><li>2014</li></ul>", "2014")]
    [InlineData("<table><tr><td>Score</td><td>1-100</td></tr></table>", "1-100")]
    [InlineData("<p>Source code and data are on the project page.</p>", "Source code")]
    public void Numbers_and_sentences_that_merely_look_like_meta_lines_are_kept(string block, string kept)
    {
        var text = Extract($"<h1>Town floods</h1><p>{Prose1}</p>{block}<p>{Prose2}</p><p>{Prose3}</p>");

        text.Should().Contain(kept);
    }

    [Theory]
    [InlineData("entry-meta")]
    [InlineData("c-sheet__tags")]
    [InlineData("article-date")]
    [InlineData("author-box")]
    [InlineData("postmetadata")]
    public void Furniture_named_after_the_content_it_belongs_to_is_dropped(string className)
    {
        var text = Extract(
            $"<h1>Town floods</h1><div class=\"{className}\">Posted by the editors in Local, Weather and Politics</div>"
            + $"<div class=\"entry-content\"><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>");

        text.Should().NotContain("Posted by").And.Contain(Prose3);
    }

    [Fact]
    public void A_content_compound_with_a_content_last_part_is_kept()
    {
        var text = Extract($"<h1>Town floods</h1><div class=\"meta-content\"><p>{Prose1}</p></div><p>{Prose2}</p><p>{Prose3}</p>");

        text.Should().Contain(Prose1);
    }
}
