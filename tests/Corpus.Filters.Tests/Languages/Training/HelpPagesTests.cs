using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class HelpPagesTests
{
    private const string Page = """
        <html><body>
        <header><p dir="auto">LibreOffice 7.4 Hjälp, utanför innehållet</p></header>
        <div id="DisplayArea" itemprop="softwareHelp">
        <h1 id="hd_1" dir="auto"><a name="x"></a>Automatisk punktuppställning och numrering</h1>
        <p id="par_1" class="paragraph" dir="auto">Välj <span class="menuitem">Verktyg - Alternativ</span> &amp; klicka
           därefter på fliken.</p>
        <p dir="auto">Kort.</p>
        </div></body></html>
        """;

    [Fact]
    public void Help_paragraphs_come_from_the_content_area_without_tags_or_entities() =>
        HelpPages.Paragraphs(Page).Should().Equal(
            "Automatisk punktuppställning och numrering",
            "Välj Verktyg - Alternativ & klicka därefter på fliken.");

    [Fact]
    public void Untranslated_help_paragraphs_are_not_training_text_of_the_translation()
    {
        var root = Path.Combine(Path.GetTempPath(), "help-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(root, "en-US", "<div id=\"DisplayArea\"><p>Choose Tools - AutoCorrect, and check the box.</p></div>");
            Write(root, "sv", "<div id=\"DisplayArea\"><p>Choose Tools - AutoCorrect, and check the box.</p><p>Välj Verktyg och markera rutan här.</p></div>");
            Directory.CreateDirectory(Path.Combine(root, "usr/share/iso-codes/json"));
            File.WriteAllText(Path.Combine(root, "usr/share/iso-codes/json/iso_639-3.json"),
                """{"639-3": [{"alpha_2": "sv", "alpha_3": "swe"}, {"alpha_2": "en", "alpha_3": "eng"}]}""");

            var sources = CatalogSources.Read(root);

            sources["swe_Latn"].Should().ContainSingle().Which.Should().Equal("Välj Verktyg och markera rutan här.");
            sources["eng_Latn"].Should().ContainSingle().Which.Should().Equal("Choose Tools - AutoCorrect, and check the box.");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    private static void Write(string root, string locale, string html)
    {
        var dir = Path.Combine(root, HelpPages.HelpDir, locale, "text/shared");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "page.html"), html);
    }
}
