using System.Text;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class MediaWikiMessagesTests
{
    [Theory]
    [InlineData("Diese Seite wurde {{PLURAL:$1|einmal|$1-mal}} bearbeitet.", "Diese Seite wurde einmal bearbeitet.")]
    [InlineData("{{GENDER:$2|Er|Sie}} hat [[Special:Contributions/$1|die Beiträge]] von {{SITENAME}} gesehen.", "Er hat die Beiträge von   gesehen.")]
    [InlineData("Über {{GRAMMAR:genitive|{{SITENAME}}}} und [[Hilfe:Inhalt]] lesen", "Über   und   lesen")]
    [InlineData("'''Achtung:''' lies [https://example.org die Anleitung] __NOTOC__<!-- nicht übersetzen -->", "Achtung: lies  die Anleitung    ")]
    [InlineData("* Erste Zeile\n# zweite {{lc:Zeile}}", "  Erste Zeile\n  zweite Zeile")]
    [InlineData("{{PLURAL:$1|12=ein Dutzend|ein Eintrag|$1 Einträge}}", "ein Eintrag")]
    [InlineData("{{int:edit}} {{#if:$1|ja|nein}}", "   ")]
    [InlineData("[[File:Beispiel.png|thumb|center|Ein Bild]] von &#x7B;Quelle}", "Ein Bild von  Quelle}")]
    public void Wikitext_messages_become_the_words_a_reader_sees(string wikitext, string plain) =>
        MediaWikiText.Plain(wikitext).Should().Be(plain);

    [Fact]
    public void Mediawiki_messages_are_text_without_english_copies_shared_translations_or_message_documentation()
    {
        var root = Directory.CreateTempSubdirectory("corpus-lid-mw-");
        var outside = Directory.CreateTempSubdirectory("corpus-lid-mw-linked-");
        try
        {
            var json = Path.Combine(root.FullName, "usr/share/iso-codes/json");
            Directory.CreateDirectory(json);
            File.WriteAllText(Path.Combine(json, "iso_639-3.json"), """
                {"639-3": [{"alpha_2": "ar", "alpha_3": "ara"}, {"alpha_3": "arb"}, {"alpha_3": "acm"}, {"alpha_2": "hr", "alpha_3": "hrv"},
                 {"alpha_2": "sh", "alpha_3": "hbs"}, {"alpha_2": "zh", "alpha_3": "zho"}, {"alpha_3": "gan"}, {"alpha_2": "de", "alpha_3": "deu"}]}
                """);
            var core = Path.Combine(root.FullName, "usr/share/mediawiki/languages/i18n");
            WriteMessages(core, "en", ("edit", "Edit this page"), ("save", "Save"), ("gone", "The page was deleted by {{GENDER:$1|him|her}}."));
            WriteMessages(core, "qqq", ("edit", "Label of the edit tab, documentation for translators"));
            WriteMessages(core, "ar", ("edit", "عدل هذه الصفحة"), ("save", "احفظ التغييرات"), ("gone", "حذفت الصفحة"));
            WriteMessages(core, "acm", ("edit", "عدل هاي الصفحة"), ("save", "احفظ التغييرات"), ("gone", "انحذفت الصفحة"));
            WriteMessages(core, "hr", ("edit", "Uredi ovu stranicu"), ("save", "Save"));
            WriteMessages(core, "sh", ("edit", "Uredi ovu stranicu, srpskohrvatski"));
            WriteMessages(core, "isv", ("edit", "Urediti tuju stranicu"));
            WriteMessages(core, "zh-hant", ("edit", "編輯此頁面"));
            WriteMessages(core, "gan", ("edit", "編輯箇頁"));
            var extension = Path.Combine(root.FullName, "usr/share/mediawiki/extensions-core/Poem/i18n");
            WriteMessages(extension, "en", ("poem", "Poems keep their lines"));
            WriteMessages(extension, "de", ("poem", "Gedichte behalten ihre Zeilen"));
            WriteMessages(outside.FullName, "de", ("linked", "Verlinkte Ordner werden nicht gelesen"));
            Directory.CreateSymbolicLink(Path.Combine(root.FullName, "usr/share/mediawiki/extensions"), outside.FullName);
            var options = new LidTrainingOptions { PackageRoot = root.FullName, MinLines = 1, MinLineLength = 10, MaxLineLength = 30 };

            var output = new StringWriter();
            var summary = LidTrainingData.Write(options, [], output);

            summary.Labels.Keys.Should().BeEquivalentTo(["acm_Arab", "arb_Arab", "hrv_Latn", "zho_Hant", "deu_Latn", "eng_Latn"],
                "qqq is documentation, sh is Serbo-Croatian, isv is no ISO 639-3 language, gan's Han text is not taken");
            string Text(string label) => string.Join(' ', output.ToString().Split('\n').Where(l => l.StartsWith($"__label__{label} ", StringComparison.Ordinal)));
            Text("acm_Arab").Should().Contain("عدل هاي الصفحة").And.Contain("انحذفت الصفحة")
                .And.NotContain("احفظ التغييرات", "a message Arabic gives word for word is not Iraqi Arabic's own");
            Text("arb_Arab").Should().Contain("عدل هذه الصفحة").And.NotContain("احفظ", "nor Standard Arabic's");
            Text("hrv_Latn").Should().Be("__label__hrv_Latn Uredi ovu stranicu", "a translation equal to English is dropped");
            Text("deu_Latn").Should().Contain("Gedichte behalten ihre Zeilen", "extensions' messages are read")
                .And.NotContain("Verlinkte", "a linked folder is not followed");
            Text("eng_Latn").Should().Contain("Edit this page").And.Contain("The page was deleted by him.").And.NotContain("documentation");
        }
        finally
        {
            root.Delete(true);
            outside.Delete(true);
        }
    }

    private static void WriteMessages(string folder, string code, params (string Key, string Text)[] messages)
    {
        Directory.CreateDirectory(folder);
        var json = new StringBuilder("{\n  \"@metadata\": { \"authors\": [\"Someone\"] }");
        foreach (var (key, text) in messages)
        {
            json.Append(",\n  \"").Append(key).Append("\": \"").Append(text).Append('"');
        }

        File.WriteAllText(Path.Combine(folder, code + ".json"), json.Append("\n}\n").ToString(), new UTF8Encoding(false));
    }
}
