using Corpus.Filters.Languages.Training;

namespace Corpus.Filters.Tests.Languages.Training;

public class TrainingDataTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(30, true)]
    [InlineData(1, false)]
    [InlineData(29, false)]
    [InlineData(null, false)]
    public void Udhr_articles_that_are_multiples_of_five_are_held_out(int? article, bool heldOut) =>
        LidUdhr.IsHeldOut(article).Should().Be(heldOut);

    [Theory]
    [InlineData("deu", "deu_1996", "Alle Menschen sind frei und gleich an Würde und Rechten geboren.", "deu_Latn")]
    [InlineData("azj", "azj_cyrl", "Бүтүн инсанлар ләјагәт вә һүгугларына ҝөрә азад вә бәрабәр доғулурлар.", "azj_Cyrl")]
    [InlineData("cmn", "cmn_hant", "人人生而自由，在尊嚴和權利上一律平等。", "zho_Hant")]
    [InlineData("cmn", "cmn_hans", "人人生而自由，在尊严和权利上一律平等。", "zho_Hans")]
    [InlineData("vie", "vie_han", "人人生而自由，在尊嚴和權利上一律平等。", "vie_Hant")]
    [InlineData("wuu", "wuu", "人人生而自由，在尊严和权利上一律平等。", "wuu_Hans")]
    [InlineData("lvs", "lav", "Visi cilvēki piedzimst brīvi un vienlīdzīgi.", "lvs_Latn")]
    [InlineData("ekk", "est", "Kõik inimesed sünnivad vabadena.", "est_Latn")]
    public void Udhr_translations_get_the_code_of_their_language_and_text_script(string iso, string code, string text, string label) =>
        LidUdhr.Label(iso, code, text).Should().Be(label);

    [Fact]
    public void Undetermined_udhr_translations_get_no_label() =>
        LidUdhr.Label("und", "und_x", "Some text here.").Should().BeNull();

    [Fact]
    public void Passages_join_short_paragraphs_and_cut_long_ones_at_spaces()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 250)); // 1249 characters
        var passages = LidTrainingData.Passages(["Short one.", "Another short one.", words]).ToList();

        passages.Should().OnlyContain(p => p.Length <= 400 && !p.StartsWith(' ') && !p.EndsWith(' '));
        passages[0].Should().StartWith("Short one. Another short one. word");
        string.Join(' ', passages).Should().Be("Short one. Another short one. " + words);
    }

    [Theory]
    [InlineData("  Save ~Document  ", "Save Document")]
    [InlineData("Copy %1 of %2 files to $(ARG1)", "Copy of files to")]
    [InlineData("<b>Bold</b> &amp; %PRODUCTNAME {0}", "Bold")]
    [InlineData("_Open the %s file\\n", "Open the file")]
    [InlineData("Ran_ge for h_ighlighting", "Range for highlighting")]
    public void Catalog_strings_lose_placeholders_markup_and_access_keys(string raw, string clean) =>
        CatalogText.Clean(raw).Should().Be(clean);

    [Fact]
    public void Catalog_strings_without_two_letters_are_dropped() =>
        CatalogText.Clean("%d / %s: 1").Should().BeNull();

    [Theory]
    [InlineData("pt_BR", "por")]
    [InlineData("sr@latin", "srp")]
    [InlineData("sr@ijekavianlatin", null)]
    [InlineData("nb", "nob")]
    [InlineData("fa", "pes")]
    [InlineData("fa_AF", "prs")]
    [InlineData("lv", "lvs")]
    [InlineData("zh_TW", "zho")]
    [InlineData("pa_PK", "pnb")]
    [InlineData("ast", "ast")]
    [InlineData("en_GB", null)]
    [InlineData("common", null)]
    public void Locales_map_to_the_individual_languages_of_the_label_set(string locale, string? language)
    {
        var json = Path.GetTempFileName();
        try
        {
            File.WriteAllText(json, """
                {"639-3": [
                  {"alpha_2": "pt", "alpha_3": "por"}, {"alpha_2": "sr", "alpha_3": "srp"}, {"alpha_2": "nb", "alpha_3": "nob"},
                  {"alpha_2": "fa", "alpha_3": "fas"}, {"alpha_2": "lv", "alpha_3": "lav"}, {"alpha_2": "zh", "alpha_3": "zho"},
                  {"alpha_2": "pa", "alpha_3": "pan"}, {"alpha_3": "ast"}, {"alpha_2": "en", "alpha_3": "eng"}
                ]}
                """);
            LanguageLabels.Load(json).FromLocale(locale).Should().Be(language);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Han_text_is_traditional_for_taiwan_and_hong_kong_locales()
    {
        LanguageLabels.HanScript("zh_TW").Should().Be("Hant");
        LanguageLabels.HanScript("zh_HK").Should().Be("Hant");
        LanguageLabels.HanScript("zh_CN").Should().Be("Hans");
    }
}
