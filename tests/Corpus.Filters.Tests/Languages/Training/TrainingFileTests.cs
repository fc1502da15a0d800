using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text;
using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class TrainingFileTests
{
    [Fact]
    public void Training_file_is_the_same_bytes_for_the_same_inputs_and_balances_its_labels()
    {
        InPackageRoot(root =>
        {
            var udhr = new List<LidText>
            {
                new("deu_Latn", "Alle Menschen sind frei und gleich an Würde und Rechten geboren."),
                new("cnr_Latn", "Sva ljudska bića rađaju se slobodna i jednaka u dostojanstvu i pravima."),
            };
            var options = new LidTrainingOptions { PackageRoot = root, MaxCatalogLines = 3, MinLines = 1, TargetUdhrLines = 5, MaxUdhrRepeat = 4 };

            var first = new StringWriter();
            var summary = LidTrainingData.Write(options, udhr, first);
            var second = new StringWriter();
            LidTrainingData.Write(options, udhr, second);

            second.ToString().Should().Be(first.ToString());
            summary.Labels.Keys.Should().BeEquivalentTo(["deu_Latn", "eng_Latn"], "cnr_Latn is excluded, and German catalogs give German and English text");
            summary.Labels["deu_Latn"].Should().Be(new LidLabelLines(Udhr: 4, Catalog: 3), "one passage repeated at most 4 times; catalog lines capped at 3");
            var lines = first.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().HaveCount(summary.Lines).And.OnlyContain(l => l.StartsWith("__label__deu_Latn ") || l.StartsWith("__label__eng_Latn "));
            lines.Should().NotContain(l => l.Contains('%') || l.Contains('~'), "placeholders and access keys are removed");
        });
    }

    [Fact]
    public void Game_stories_are_a_source_and_labels_outside_qwen3_get_their_own_catalog_cap()
    {
        InPackageRoot(root =>
        {
            WriteCatalog(Path.Combine(root, "usr/share/games/wesnoth/1.16/locale/de/LC_MESSAGES"), "Der Zwerg ging langsam in die Höhle", "The dwarf walked slowly into the cave");
            WriteCatalog(Path.Combine(root, "usr/share/locale/crh/LC_MESSAGES"), "Dosyeni açıp körmek içün saylañız", "Choose the file to open");
            var options = new LidTrainingOptions { PackageRoot = root, MaxCatalogLines = 50, MaxOtherCatalogLines = 2, MinLines = 1 };

            var output = new StringWriter();
            var summary = LidTrainingData.Write(options, [], output);

            summary.Labels["crh_Latn"].Catalog.Should().Be(2, "Crimean Tatar is outside the Qwen3 table");
            summary.Labels["deu_Latn"].Catalog.Should().BeGreaterThan(2, "German is a Qwen3 language: the larger cap");
            output.ToString().Should().Contain("Der Zwerg ging langsam", "the game's catalogs are German text")
                .And.Contain("The dwarf walked slowly", "and their originals English text");
        });
    }

    [Fact]
    public void Fortune_files_beside_the_locale_folders_are_english_text_when_their_words_are_mostly_the_catalogs_english()
    {
        InPackageRoot(root =>
        {
            var fortunes = Path.Combine(root, "usr/share/games/fortunes");
            Directory.CreateDirectory(Path.Combine(fortunes, "de"));
            File.WriteAllText(Path.Combine(fortunes, "de", "zitate"), "Wer nicht wagt, der nicht gewinnt, sagte die Tabelle.\n%\n");
            File.CreateSymbolicLink(Path.Combine(fortunes, "zitate"), Path.Combine(fortunes, "de", "zitate"));
            File.WriteAllText(Path.Combine(fortunes, "computers"), "Print the file number of the table, said the window.\n%\nEdit the view, insert the tools, don't print.\n%\n");
            File.WriteAllText(Path.Combine(fortunes, "computers.dat"), "binary index");
            File.WriteAllText(Path.Combine(fortunes, "brasil"), "Imprima o arquivo de número da tabela, disse a janela.\n%\n");
            var options = new LidTrainingOptions { PackageRoot = root, MinLines = 1, MaxCatalogLines = 1000, Translations = [], WordLists = [] };

            var output = new StringWriter();
            LidTrainingData.Write(options, [], output);

            var text = output.ToString();
            text.Should().Contain("Print the file number of the table, said the window.").And.Contain("don't print.")
                .And.NotContain("Imprima o arquivo", "a Portuguese file beside them is not English")
                .And.NotContain("binary index");
            text.Split('\n').Where(l => l.Contains("Wer nicht wagt")).Should().OnlyContain(l => l.StartsWith("__label__deu_Latn "), "the link is German's, read once");
        });
    }

    [Fact]
    public void Cldr_display_strings_that_differ_from_english_are_the_text_of_languages_that_have_no_other()
    {
        InPackageRoot(root =>
        {
            var cldr = Path.Combine(root, "node_modules");
            string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
            string[] sicilian = ["jinnaru", "frivaru", "marzu", "april", "maiu", "giugnu", "giugnettu", "austu", "sittèmmiru", "uttùviru", "nuvèmmiru", "dicèmmiru"];
            WriteCldr(cldr, "en", months, "Saudi Arabia", "MMM d, y");
            WriteCldr(cldr, "scn", sicilian, "Arabbia Saudita", "d MMM, y");
            WriteCldr(cldr, "de-AT", ["Jänner", "Feber", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"], "Saudi-Arabien", "d. MMM y");
            WriteCldr(cldr, "und", months, "Saudi Arabia", "y MMM d");
            string[] persian = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];
            string[] dari = ["جنوری", "فبروری", "مارچ", "اپریل", "می", "جون", "جولای", "اگست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"];
            WriteCldr(cldr, "fa", persian, "عربستان سعودی", "d MMM y");
            WriteCldr(cldr, "de", ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"], "Saudi-Arabien", "d. MMM y");
            WriteCldr(cldr, "fur", ["Zenâr", "Fevrâr", "Març", "Avrîl", "Mai", "Jugn", "Lui", "Avost", "Setembar", "Otubar", "Novembar", "Dicembar"], "Arabie Saudide", "d MMM y");
            WriteCldr(cldr, "fa-AF", dari, "عربستان سعودی", "d MMM y");
            var options = new LidTrainingOptions { PackageRoot = root, CldrRoot = cldr, MinLines = 1, MinLineLength = 10, MaxLineLength = 40 };

            var output = new StringWriter();
            var summary = LidTrainingData.Write(options, [new("fur_Latn", "Ducj i oms a nassin libars e compagns come dignitât e derits.")], output);

            summary.Labels.Keys.Should().Contain("scn_Latn").And.NotContain("und_Latn", "the root locale is not a language");
            var scn = string.Join(' ', output.ToString().Split('\n').Where(l => l.StartsWith("__label__scn_Latn ")));
            scn.Should().Contain("Arabbia Saudita").And.Contain("sittèmmiru").And.Contain("jinnaru");
            scn.Should().NotContain("april", "a string equal to English's at the same place (case aside) is not the language's own");
            scn.Should().NotContain("MMM", "date patterns are not language");
            output.ToString().Should().NotContain("Jänner", "regional variants repeat their language and are left out")
                .And.NotContain("Saudi-Arabien", "German has catalogs: lists of names are only for a language without other text")
                .And.NotContain("Arabie Saudide", "Friulian has a UDHR translation");
            var prs = string.Join(' ', output.ToString().Split('\n').Where(l => l.StartsWith("__label__prs_Arab ")));
            prs.Should().Contain("جنوری", "fa-AF's own month names are Dari")
                .And.NotContain("عربستان", "a name fa-AF inherits from fa is Persian as much as Dari");
        });
    }

    [Fact]
    public void Translated_strings_that_changed_are_text_of_the_target_label_and_a_missing_translator_is_reported()
    {
        InPackageRoot(root =>
        {
            var translator = new WordTranslator("deu-ltz", "Datei", "Fichier");
            var options = new LidTrainingOptions
            {
                PackageRoot = root,
                MinLines = 1,
                Translations = [new("deu_Latn", "ltz_Latn", "deu-ltz"), new("deu_Latn", "gsw_Latn", "deu-gsw"), new("fra_Latn", "oci_Latn", "deu-ltz")],
            };

            var output = new StringWriter();
            var summary = LidTrainingData.Write(options, [], output, translator);

            summary.Translations.Should().HaveCount(3);
            summary.Translations[0].Should().Be(new LidTranslated(options.Translations[0], 60, 12, null),
                "60 German strings were translated; the 12 holding 'Datei' changed");
            summary.Translations[1].Skipped.Should().Be("no deu-gsw here");
            summary.Translations[2].Skipped.Should().Contain("no text of fra_Latn");
            var ltz = output.ToString().Split('\n').Where(l => l.StartsWith("__label__ltz_Latn ")).ToList();
            ltz.Should().NotBeEmpty().And.OnlyContain(l => l.Contains("Fichier"), "strings the translation left alike are not Luxembourgish text");
            summary.Labels["ltz_Latn"].Catalog.Should().Be(ltz.Count);
            summary.Labels.Keys.Should().NotContain("gsw_Latn").And.NotContain("oci_Latn");
            output.ToString().Should().Contain("__label__deu_Latn Datei", "the source label keeps its own text");
        });
    }

    [Fact]
    public void Word_list_lines_are_sampled_from_its_counted_words_as_text_of_its_label()
    {
        InPackageRoot(root =>
        {
            var list = Path.Combine(root, "usr/share/rime-data/essay-cantonese.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(list)!);
            File.WriteAllText(list, "嘅\t1000\n佢\t1000\n罕\t0\nnot a count line\n咗\t5\n", new UTF8Encoding(false));
            var options = new LidTrainingOptions
            {
                PackageRoot = root,
                MinLines = 1,
                WordListLines = 40,
                MinLineLength = 8,
                MaxLineLength = 16,
                WordLists = [new("usr/share/rime-data/essay-cantonese.txt", "yue_Hant", ""), new("usr/share/missing.txt", "wuu_Hans", " ")],
            };

            var first = new StringWriter();
            var summary = LidTrainingData.Write(options, [], first);
            var second = new StringWriter();
            LidTrainingData.Write(options, [], second);

            second.ToString().Should().Be(first.ToString());
            summary.WordLists[0].Should().Be(new LidSampled(options.WordLists[0], 40, null));
            summary.WordLists[1].Skipped.Should().Contain("usr/share/missing.txt").And.Contain("missing");
            var yue = first.ToString().Split('\n').Where(l => l.StartsWith("__label__yue_Hant ")).Select(l => l["__label__yue_Hant ".Length..]).ToList();
            yue.Should().NotBeEmpty();
            yue.Where(l => l.Any(c => "嘅佢咗 ".IndexOf(c) < 0)).Should().BeEmpty("only counted words are drawn");
            string.Concat(yue).Should().Contain("嘅").And.Contain("佢").And.NotContain("罕", "a word counted 0 is never drawn");
        });
    }

    [Fact]
    public void Word_list_words_are_drawn_in_proportion_to_their_counts()
    {
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllText(list, "a\t900\nb\t100\n");

            var lines = WordListText.Sample(list, " ", 4000, 1, 1, new Random(7));

            lines.Should().HaveCount(4000).And.OnlyContain(l => l == "a" || l == "b");
            (lines.Count(l => l == "a") / 4000.0).Should().BeApproximately(0.9, 0.03);
            var empty = Path.GetTempFileName();
            var act = () => WordListText.Sample(empty, " ", 1, 1, 1, new Random(7));
            act.Should().Throw<InvalidDataException>().WithMessage($"*{empty}*no 'word<TAB>count' lines*");
            File.Delete(empty);
        }
        finally
        {
            File.Delete(list);
        }
    }

    /// <summary>A translator that replaces one word, for one mode: the code around a translator, not a translation.</summary>
    private sealed class WordTranslator(string mode, string from, string to) : ILidTranslator
    {
        public string? Unavailable(string m) => m == mode ? null : $"no {m} here";

        public IReadOnlyList<string> Translate(string m, IReadOnlyList<string> lines) => lines.Select(l => l.Replace(from, to, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Runs a test in a fresh package root holding iso-codes' table and a German LibreOffice catalog.</summary>
    private static void InPackageRoot(Action<string> test)
    {
        using var packages = new TempPackageRoot("""{"alpha_2": "de", "alpha_3": "deu"}""");
        WriteGermanCatalog(packages.Root);
        test(packages.Root);
    }

    private static void WriteCldr(string nodeModules, string locale, string[] months, string saudiArabia, string pattern)
    {
        var dates = Path.Combine(nodeModules, "cldr-dates-full/main", locale);
        var names = Path.Combine(nodeModules, "cldr-localenames-full/main", locale);
        Directory.CreateDirectory(dates);
        Directory.CreateDirectory(names);
        var wide = months.Select((m, i) => (m, i)).ToDictionary(x => (x.i + 1).ToString(CultureInfo.InvariantCulture), x => x.m);
        var gregorian = new Dictionary<string, object>
        {
            ["months"] = new { format = new { wide } },
            ["dateFormats"] = new { medium = pattern },
        };
        var calendar = new { main = new Dictionary<string, object> { [locale] = new { identity = new { language = locale }, dates = new { calendars = new { gregorian } } } } };
        File.WriteAllText(Path.Combine(dates, "ca-gregorian.json"), JsonSerializer.Serialize(calendar), new UTF8Encoding(false));
        var territories = new { main = new Dictionary<string, object> { [locale] = new { localeDisplayNames = new { territories = new { SA = saudiArabia } } } } };
        File.WriteAllText(Path.Combine(names, "territories.json"), JsonSerializer.Serialize(territories), new UTF8Encoding(false));
    }

    private static void WriteCatalog(string messages, string translation, string original)
    {
        var po = new StringBuilder("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
        for (var i = 0; i < 40; i++)
        {
            po.Append($"msgid \"{original} {i}\"\nmsgstr \"{translation} {i}\"\n\n");
        }

        Compile(messages, po.ToString());
    }

    /// <summary>Compiles a .po text into <c>messages.mo</c> in <paramref name="messages"/> (created) with msgfmt.</summary>
    internal static void Compile(string messages, string po)
    {
        Directory.CreateDirectory(messages);
        var poPath = Path.Combine(messages, "messages.po");
        File.WriteAllText(poPath, po, new UTF8Encoding(false));
        using var p = Process.Start(new ProcessStartInfo("msgfmt", ["-o", Path.Combine(messages, "messages.mo"), poPath]) { RedirectStandardError = true })!;
        p.WaitForExit();
        p.ExitCode.Should().Be(0, p.StandardError.ReadToEnd());
        File.Delete(poPath);
    }

    private static void WriteGermanCatalog(string root)
    {
        var messages = Path.Combine(root, "usr/lib/libreoffice/program/resource/de/LC_MESSAGES");
        var po = new StringBuilder("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
        string[] words = ["Datei", "Bearbeiten", "Ansicht", "Einfügen", "Format", "Tabelle", "Extras", "Fenster", "Hilfe", "Drucken"];
        string[] english = ["File", "Edit", "View", "Insert", "Formats", "Table", "Tools", "Window", "Help", "Print"];
        for (var i = 0; i < 60; i++)
        {
            po.Append($"msgid \"{english[i % 10]} number %d of ~{i}\"\nmsgstr \"{words[i % 10]} Nummer %d von ~{i} {words[(i + 3) % 10]}\"\n\n");
        }

        Compile(messages, po.ToString());
    }
}
