using System.IO.Compression;
using System.Text;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class MozillaLangpacksTests
{
    private const string FirefoxDir = "usr/lib/firefox-esr/browser/extensions";

    [Fact]
    public void Fluent_messages_and_attributes_are_strings_with_selectors_read_as_their_default_variant()
    {
        const string ftl = """
            # This Source Code Form is subject to the terms of the Mozilla Public License.

            ## Tabs

            -brand-short-name = Firefox
            tab-close = Zatvori karticu
                .tooltiptext = Zatvori ovu karticu
                .accesskey = Z
            restart-note =
                { -brand-short-name } će se ponovo pokrenuti
                da bi primijenio promjene.
            tabs-count =
                { $count ->
                    [one] Otvorena je { $count } kartica
                    [few] Otvorene su { $count } kartice
                   *[other] Otvoreno je { $count } kartica
                }
            with-literal = Upiši { "{" } i pritisni Enter
            """;

        FluentText.Strings(ftl).Should().Equal(
            "Firefox",
            "Zatvori karticu",
            "Zatvori ovu karticu",
            "Z",
            "će se ponovo pokrenuti da bi primijenio promjene.",
            "Otvoreno je kartica",
            "Upiši i pritisni Enter");
    }

    [Fact]
    public void Properties_values_are_unescaped_joined_across_continuations_and_lose_their_placeholders()
    {
        const string properties = """
            # LOCALIZATION NOTE (readError): %S is the file name.
            ! another comment
            readError = %S nije bilo moguće spremiti.\n\nPokušaj kasnije ponovo.
            loginHostAge=%1$S (%2$S) \u010dini se
            tabs = #1 kartica;#1 kartice;#1 kartica
            longValue = Prvi dio \
                drugi dio
            brand: %brand% ne može dešifrirati poruku

            """;

        PropertiesText.Strings(properties).Should().Equal(
            "nije bilo moguće spremiti.  Pokušaj kasnije ponovo.",
            "( ) čini se",
            "kartica;  kartice;  kartica",
            "Prvi dio drugi dio",
            "ne može dešifrirati poruku");
    }

    [Fact]
    public void Dtd_entity_values_are_strings()
    {
        const string dtd = """
            <!-- a comment -->
            <!ENTITY status.label "Sigurnost poruke">
            <!ENTITY info.message 'Pretraživanje direktorija za &brandShortName;.'>
            <!ENTITY empty.label "">
            """;

        DtdText.Strings(dtd).Should().Equal("Sigurnost poruke", "Pretraživanje direktorija za &brandShortName;.");
    }

    [Fact]
    public void Language_packs_are_sources_per_application_and_locale_without_their_untranslated_english()
    {
        using var packages = new TempPackageRoot(string.Empty);
        var dir = Path.Combine(packages.Root, FirefoxDir);
        WritePack(dir, "en-GB", "firefox-esr", "save = Save page\nclose = Close tab\n");
        WritePack(dir, "hr", "firefox-esr", "save = Spremi stranicu\nclose = Close tab\n", "<!ENTITY print.label \"Ispiši stranicu\">");
        WritePack(dir, "pt-BR", "firefox-esr", "save = Salvar página\n");
        WritePack(Path.Combine(packages.Root, "usr/lib/thunderbird/extensions"), "hr", "thunderbird", "compose = Napiši poruku\nsave = Save page\n");
        File.WriteAllText(Path.Combine(dir, "README.txt"), "not a pack");

        var packs = MozillaLangpacks.Read(packages.Root).ToList();

        packs.Select(p => (p.Application, p.Locale)).Should().Equal(("firefox-esr", "hr"), ("firefox-esr", "pt-BR"), ("thunderbird", "hr"));
        packs[0].Strings.Should().Equal(["Ispiši stranicu", "Spremi stranicu"], "entries in ordinal order (.dtd before .ftl); 'Close tab' is the English pack's");
        packs[2].Strings.Should().Equal(["Napiši poruku", "Save page"], "only Firefox's English pack exists, so Thunderbird's untranslated string stays");
    }

    [Fact]
    public void A_pack_that_is_no_zip_archive_is_an_error_naming_the_file()
    {
        using var packages = new TempPackageRoot(string.Empty);
        var dir = Path.Combine(packages.Root, FirefoxDir);
        Directory.CreateDirectory(dir);
        var bad = Path.Combine(dir, "langpack-hr@firefox-esr.mozilla.org.xpi");
        File.WriteAllText(bad, "this is not a zip archive");

        var read = () => MozillaLangpacks.Read(packages.Root).ToList();

        read.Should().Throw<InvalidDataException>().WithMessage($"*'{bad}' is not a readable language pack*");
    }

    [Fact]
    public void Language_pack_strings_become_training_lines_of_their_language()
    {
        using var packages = new TempPackageRoot("""{"alpha_2": "hr", "alpha_3": "hrv"}""");
        var ftl = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            ftl.Append($"message-{i} = Preglednik { "{" } -brand-short-name {"}"} je spremio datoteku broj {i}\n");
        }

        WritePack(Path.Combine(packages.Root, FirefoxDir), "hr", "firefox-esr", ftl.ToString());
        var options = new LidTrainingOptions { PackageRoot = packages.Root, MinLines = 1, Translations = [], WordLists = [] };

        var output = new StringWriter();
        var summary = LidTrainingData.Write(options, [], output);

        summary.Labels.Keys.Should().Equal("hrv_Latn");
        summary.Labels["hrv_Latn"].Catalog.Should().BeGreaterThan(0);
        output.ToString().Should().Contain("Preglednik je spremio datoteku broj 7").And.NotContain("brand");
    }

    // A language pack as the Debian packages ship it: a zip of Fluent files (and a .dtd when given).
    private static void WritePack(string dir, string locale, string application, string ftl, string? dtd = null)
    {
        Directory.CreateDirectory(dir);
        using var zip = ZipFile.Open(Path.Combine(dir, $"langpack-{locale}@{application}.mozilla.org.xpi"), ZipArchiveMode.Create);
        Write(zip, "manifest.json", """{"langpack_id": "x"}""");
        Write(zip, $"localization/{locale}/browser/browser.ftl", ftl);
        if (dtd is not null)
        {
            Write(zip, $"chrome/{locale}/locale/{locale}/global/dialog.dtd", dtd);
        }
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
