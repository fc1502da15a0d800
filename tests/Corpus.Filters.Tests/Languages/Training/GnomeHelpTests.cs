using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class GnomeHelpTests
{
    private const string Page = """
        <?xml version="1.0" encoding="utf-8"?>
        <page xmlns="http://projectmallard.org/1.0/" type="topic" id="search" xml:lang="hr">
          <info>
            <credit type="author"><name>Sébastien Wilmet</name><email>swilmet@gnome.org</email><years>2018</years></credit>
            <desc>Kako radi pretraga u bočnom panelu.</desc>
          </info>
          <title>Pretraži u bočnom panelu</title>
          <!-- <p>A commented-out paragraph that is never shown.</p> -->
          <p>Pretraga je osjetljiva na velika slova. Pokrenite <cmd>devhelp --search term</cmd> u &lt;terminalu&gt; i pritisnite <key>Enter</key>.</p>
          <p>Kratko.</p>
        </page>
        """;

    [Fact]
    public void Manual_sentences_are_the_prose_of_paragraphs_titles_and_descriptions_without_commands_names_or_comments()
    {
        GnomeHelp.Sentences(Page).Should().Equal(
            "Kako radi pretraga u bočnom panelu.",
            "Pretraži u bočnom panelu",
            "Pretraga je osjetljiva na velika slova.",
            "Pokrenite u <terminalu> i pritisnite .");
    }

    [Fact]
    public void Docbook_paragraphs_are_read_too()
    {
        const string docbook = """
            <!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN" [<!ENTITY app "Pluma">]>
            <article><sect1><title>Uvod u uređivač teksta</title>
            <para>Uređivač &app; omogućuje stvaranje i uređivanje tekstualnih datoteka.</para>
            <para>Odaberite <guimenuitem>Datoteka</guimenuitem> i <filename>/etc/passwd</filename> zatim spremite.</para></sect1></article>
            """;

        GnomeHelp.Sentences(docbook).Should().Equal(
            "Uvod u uređivač teksta",
            "Uređivač &app; omogućuje stvaranje i uređivanje tekstualnih datoteka.",
            "Odaberite Datoteka i zatim spremite.");
    }

    [Fact]
    public void Manuals_add_translated_sentences_to_labels_that_other_sources_have_and_drop_untranslated_english()
    {
        using var packages = new TempPackageRoot("""{"alpha_2": "hr", "alpha_3": "hrv"}, {"alpha_2": "te", "alpha_3": "tel"}""");
        var help = Path.Combine(packages.Root, GnomeHelp.HelpDir);
        WritePage(help, "C", "<p>Search is case sensitive when the term has capitals.</p><p>Open the side panel to search the books.</p>");
        WritePage(help, "hr", "<p>Pretraga je osjetljiva na velika slova kada izraz ima velika slova.</p><p>Open the side panel to search the books.</p>"
            + "<p>Open the side panel to search books.</p>");
        WritePage(help, "te", "<p>Press Enter twice quickly, then wait patiently.</p>");
        TrainingFileTests.Compile(Path.Combine(packages.Root, "usr/share/locale/hr/LC_MESSAGES"),
            "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Search\"\nmsgstr \"Pretraži knjige u panelu\"\n");
        var options = new LidTrainingOptions { PackageRoot = packages.Root, MinLines = 1, Translations = [], WordLists = [], MinLineLength = 1, MaxLineLength = 70 };

        var output = new StringWriter();
        var summary = LidTrainingData.Write(options, [], output);

        summary.Labels.Keys.Should().Equal(["eng_Latn", "hrv_Latn"], "Telugu's manual is English text no other source has: no tel_Latn label");
        var text = output.ToString();
        text.Should().Contain("__label__hrv_Latn Pretraga je osjetljiva na velika slova kada izraz ima velika slova.")
            .And.Contain("__label__eng_Latn Open the side panel to search the books.")
            .And.NotContain("__label__hrv_Latn Open the side panel", "an English sentence, same or reworded, is no Croatian text")
            .And.NotContain("licence text", "the licences are not read");
    }

    [Fact]
    public void A_text_is_mostly_english_when_half_its_words_are_in_the_english_vocabulary()
    {
        var english = new HashSet<string>(["open", "the", "panel", "to", "search"], StringComparer.Ordinal);

        Vocabulary.IsMostlyFrom("Open the side panel.", english).Should().BeTrue();
        Vocabulary.IsMostlyFrom("Otvorite bočni panel za pretragu.", english).Should().BeFalse();
    }

    private static void WritePage(string help, string locale, string body)
    {
        var dir = Path.Combine(help, locale, "devhelp");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "search.page"), $"<page xmlns=\"http://projectmallard.org/1.0/\">{body}</page>");
        Directory.CreateDirectory(Path.Combine(help, locale, "gpl"));
        File.WriteAllText(Path.Combine(help, locale, "gpl", "index.docbook"), "<para>The licence text, never read as prose of any language.</para>");
    }
}
