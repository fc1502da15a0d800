using Corpus.Core.Languages;
using Corpus.FastText;
using Corpus.Filters.Languages;

namespace Corpus.Filters.Tests.Languages;

public class LanguageIdentifierTests
{
    private const string English = "All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood. Everyone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any kind.";
    private const string German = "Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.";
    private const string Russian = "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.";

    private static readonly Lazy<LanguageIdentifier> BuiltIn = new(() => LanguageIdentifier.LoadDefault());

    [Fact]
    public void Built_in_model_identifies_whole_paragraphs()
    {
        var id = BuiltIn.Value;

        id.Identify(English).Language.Should().Be(LanguageCode.Parse("eng_Latn"));
        id.Identify(German).Language.Should().Be(LanguageCode.Parse("deu_Latn"));
        var russian = id.Identify(Russian);
        russian.Language.Should().Be(LanguageCode.Parse("rus_Cyrl"));
        russian.Script.Should().Be("Cyrl");
        russian.Score.Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void Mixed_page_shares_follow_paragraph_lengths()
    {
        var page = English + "\n\n" + German;

        var result = BuiltIn.Value.Identify(page);

        result.Language.Should().Be(LanguageCode.Parse("eng_Latn"));
        result.Shares.Select(s => s.Language.ToString()).Should().Equal("eng_Latn", "deu_Latn");
        var englishLetters = English.Count(char.IsLetter);
        var germanLetters = German.Count(char.IsLetter);
        result.Shares[0].Share.Should().BeApproximately((double)englishLetters / (englishLetters + germanLetters), 1e-9);
        result.Score.Should().BeLessThan(BuiltIn.Value.Identify(English).Score, "a page that is partly German is less surely English");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("12345 67 -- !!! 3.14")]
    [InlineData("qxz")]
    public void Text_without_enough_letters_is_undetermined(string text)
    {
        var result = BuiltIn.Value.Identify(text);

        result.Language.Should().Be(LanguageCode.Undetermined);
        result.Score.Should().BeLessThan(0.5);
    }

    [Fact]
    public void Short_texts_are_judged_whole_with_lower_confidence()
    {
        var id = BuiltIn.Value;

        var few = id.Identify("Alle Menschen");
        var many = id.Identify(German);

        few.Shares.Should().ContainSingle();
        few.Score.Should().BeLessThan(many.Score);
    }

    [Fact]
    public void A_label_whose_script_differs_from_the_paragraph_is_never_chosen()
    {
        // A model that has learned Cyrillic text under a Latin-script label.
        var model = TrainOn(
            ["__label__eng_Latn привет мир как дела хорошо спасибо", "__label__rus_Cyrl книга стол окно дверь улица город", "__label__deu_Latn das haus ist groß und der garten ist grün"],
            new FastTextTrainingOptions { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinN = 2, MaxN = 3 });
        const string text = "привет мир как дела хорошо спасибо привет мир как дела хорошо спасибо";
        model.Predict(text)[0].Label.Should().Be("__label__eng_Latn", "the model alone would label this Cyrillic text English");

        var result = new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0 }).Identify(text);

        result.Language.Should().Be(LanguageCode.Parse("rus_Cyrl"));
        result.Script.Should().Be("Cyrl");
    }

    [Fact]
    public void Rank_names_only_labels_of_the_texts_script()
    {
        var model = TrainOn(
            ["__label__eng_Latn привет мир как дела хорошо спасибо", "__label__rus_Cyrl книга стол окно дверь улица город", "__label__deu_Latn das haus ist groß und der garten ist grün"],
            new FastTextTrainingOptions { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinN = 2, MaxN = 3 });
        const string text = "привет мир как дела хорошо спасибо привет мир как дела хорошо спасибо";
        var rus = model.Predict(text, k: 3).Single(p => p.Label == "__label__rus_Cyrl");

        var ranked = new LanguageIdentifier(model).Rank(text, 3);

        ranked.Should().ContainSingle("only one label is of the Cyrillic script");
        ranked[0].Language.Should().Be(LanguageCode.Parse("rus_Cyrl"));
        ranked[0].Probability.Should().BeApproximately(rus.Probability, 1e-6, "the probability is the model's");
    }

    [Fact]
    public void Rank_orders_by_probability_times_the_qwen3_weight()
    {
        var model = TrainOn(
            ["__label__sco_Latn wordsa wordsa wordsa", "__label__sco_Latn wordsa wordsa wordsa", "__label__sco_Latn wordsa wordsa wordsa", "__label__eng_Latn wordsa wordsa wordsa", "__label__eng_Latn wordsa wordsa wordsa"],
            new FastTextTrainingOptions { Dim = 4, Epoch = 20, LearningRate = 0.5, Bucket = 1000 },
            rounds: 100);
        const string text = "wordsa wordsa wordsa wordsa wordsa wordsa wordsa wordsa";
        var predictions = model.Predict(text, k: 2).ToDictionary(p => p.Label[9..], p => (double)p.Probability);

        var plain = new LanguageIdentifier(model, new LanguageIdentifierOptions { Qwen3Weight = 1 }).Rank(text, 2);
        var weighted = new LanguageIdentifier(model, new LanguageIdentifierOptions { Qwen3Weight = 10 }).Rank(text, 2);
        var first = new LanguageIdentifier(model, new LanguageIdentifierOptions { Qwen3Weight = 10 }).Rank(text, 1);

        plain.Select(c => c.Language.ToString()).Should().Equal("sco_Latn", "eng_Latn");
        weighted.Select(c => c.Language.ToString()).Should().Equal("eng_Latn", "sco_Latn");
        weighted.Should().OnlyContain(c => Math.Abs(c.Probability - predictions[c.Language.ToString()]) < 1e-6, "the probabilities stay the model's");
        first.Should().Equal(weighted.Take(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234 5678 !!!")]
    public void Rank_of_a_line_without_letters_is_undetermined(string text)
    {
        var ranked = BuiltIn.Value.Rank(text, 3);

        ranked.Should().Equal(new LanguageCandidate(LanguageCode.Undetermined, 0));
    }

    [Fact]
    public void Han_text_of_one_form_is_never_given_a_label_of_the_other()
    {
        // A model that has learned traditional characters under the simplified label and the reverse.
        const string traditional = "這個國家的經濟發展很快，學生們認識了這裡的歷史與傳統";
        const string simplified = "这个国家的经济发展很快，学生们认识了这里的历史与传统";
        var model = TrainOn(
            ["__label__zho_Hans " + traditional, "__label__zho_Hant " + simplified, "__label__eng_Latn the house is big and the garden is green"],
            new FastTextTrainingOptions { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinN = 1, MaxN = 2 });
        model.Predict(traditional)[0].Label.Should().Be("__label__zho_Hans", "the model alone would label the traditional text simplified");
        var id = new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0 });

        var result = id.Identify(traditional);

        result.Language.Should().Be(LanguageCode.Parse("zho_Hant"));
        result.Script.Should().Be("Hant");
        id.Identify(simplified).Language.Should().Be(LanguageCode.Parse("zho_Hans"));
    }

    [Fact]
    public void Han_text_takes_a_label_of_the_other_form_when_the_model_has_none_of_its_own()
    {
        var model = TrainOn(
            ["__label__vie_Hans 這個國家的經濟發展很快", "__label__eng_Latn the house is big and the garden is green"],
            new FastTextTrainingOptions { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinN = 1, MaxN = 2 });

        var result = new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0 }).Identify("這個國家的經濟發展很快，這裡的歷史");

        result.Language.Should().Be(LanguageCode.Parse("vie_Hans"));
        result.Script.Should().Be("Hant");
    }

    [Fact]
    public void Built_in_model_keeps_Chinese_with_English_names_Chinese()
    {
        // More Latin letters (25) than Han characters (14): weighed by what a character carries, the Han decide.
        var id = new LanguageIdentifier(BuiltIn.Value.Model, new LanguageIdentifierOptions { MinScore = 0 });

        var result = id.Identify("電視主播 Holly Willoughby 退出與明星 Peter Jones 的合作投資");

        result.Script.Should().Be("Hant");
        result.Language.Should().Be(LanguageCode.Parse("zho_Hant"));
    }

    [Fact]
    public void Cantonese_characters_make_a_sentence_cantonese_where_the_model_says_mandarin()
    {
        // One 嘅 in a sentence whose other words written Mandarin shares.
        const string cantonese = "政府今日宣佈新嘅交通政策，並會在下個月實施。";
        const string mandarin = "政府今日宣佈新的交通政策，並會在下個月實施。";
        var longMandarin = string.Concat(Enumerable.Repeat("市長表示，這項計劃將在明年完成，預算約為三億元，市民可以在網站上查看詳細內容。", 4)) + "唔";
        BuiltIn.Value.Model.Predict(cantonese)[0].Label.Should().Be("__label__zho_Hant", "the model alone calls it Mandarin");
        var id = new LanguageIdentifier(BuiltIn.Value.Model, new LanguageIdentifierOptions { MinScore = 0 });
        var withoutMarkers = new LanguageIdentifier(BuiltIn.Value.Model, new LanguageIdentifierOptions { MinScore = 0, LettersPerMarker = 0 });

        var result = id.Identify(cantonese);

        result.Language.Should().Be(LanguageCode.Parse("yue_Hant"));
        result.Score.Should().BeGreaterThan(0.5, "the probability the model gave written Chinese of this form goes to Cantonese");
        id.Rank(cantonese, 2).Select(c => c.Language.ToString()).Should().Equal("yue_Hant", "zho_Hant");
        withoutMarkers.Identify(cantonese).Language.Should().Be(LanguageCode.Parse("zho_Hant"));
        id.Identify(mandarin).Language.Should().Be(LanguageCode.Parse("zho_Hant"));
        id.Identify(longMandarin).Language.Should().Be(LanguageCode.Parse("zho_Hant"), "one marker in 150 letters is too few");
    }

    [Fact]
    public void Labels_without_a_script_as_in_lid_176_take_the_paragraph_script()
    {
        var model = TrainOn(
            [
                "__label__en the house is big and the garden is green and the people are kind",
                "__label__ru книга стол окно дверь улица город люди дом сад",
                "__label__arz الكتاب على الطاولة والبيت كبير والحديقة خضراء",
                "__label__xx-unknown zzz qqq xxx",
            ],
            new FastTextTrainingOptions { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, MinN = 2, MaxN = 3 });
        var id = new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0 });

        id.Identify("the garden is green and the house is big, the people are kind").Language.Should().Be(LanguageCode.Parse("eng_Latn"));
        id.Identify("книга стол окно дверь улица город люди дом сад").Language.Should().Be(LanguageCode.Parse("rus_Cyrl"));
        id.Identify("الكتاب على الطاولة والبيت كبير والحديقة خضراء").Language.Should().Be(LanguageCode.Parse("arz_Arab"));
        id.Identify("zzz qqq xxx zzz qqq xxx zzz qqq xxx zzz qqq xxx").Language.Language.Should().BeOneOf("eng", "rus", "arz", "und");
    }

    [Fact]
    public void The_qwen3_weight_tips_a_close_call_toward_the_qwen3_language()
    {
        // "wordsa" is Scots (not a Qwen3 language) three times in five, English twice.
        var model = TrainOn(
            ["__label__sco_Latn wordsa wordsa wordsa", "__label__sco_Latn wordsa wordsa wordsa", "__label__sco_Latn wordsa wordsa wordsa", "__label__eng_Latn wordsa wordsa wordsa", "__label__eng_Latn wordsa wordsa wordsa"],
            new FastTextTrainingOptions { Dim = 4, Epoch = 20, LearningRate = 0.5, Bucket = 1000 },
            rounds: 100);
        const string text = "wordsa wordsa wordsa wordsa wordsa wordsa wordsa wordsa";
        model.Predict(text)[0].Label.Should().Be("__label__sco_Latn");

        new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0, Qwen3Weight = 1 }).Identify(text).Language.Should().Be(LanguageCode.Parse("sco_Latn"));
        var weighted = new LanguageIdentifier(model, new LanguageIdentifierOptions { MinScore = 0, Qwen3Weight = 10 }).Identify(text);
        weighted.Language.Should().Be(LanguageCode.Parse("eng_Latn"));
        weighted.Score.Should().BeLessThan(0.5, "the reported probability stays the model's");
    }

    [Theory]
    [InlineData("en", "eng")]
    [InlineData("ar", "arb")]
    [InlineData("fa", "pes")]
    [InlineData("ms", "zsm")]
    [InlineData("no", "nob")]
    [InlineData("zh", "zho")]
    [InlineData("arz", "arz")]
    public void Two_letter_codes_map_to_the_individual_languages_flores_uses(string label, string expected)
    {
        Iso639.TryToIso6393(label, out var code).Should().BeTrue();
        code.Should().Be(expected);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN")]
    [InlineData("x")]
    public void Labels_that_are_no_iso_639_code_do_not_map(string label) =>
        Iso639.TryToIso6393(label, out _).Should().BeFalse();

    [Fact]
    public void Identify_is_safe_from_many_threads()
    {
        var id = BuiltIn.Value;
        var expected = id.Identify(English + "\n" + German);

        var results = new LanguageIdentification[64];
        Parallel.For(0, results.Length, i => results[i] = id.Identify(English + "\n" + German));

        results.Should().OnlyContain(r => r.Language == expected.Language && r.Score == expected.Score);
    }

    // A small model trained by corpus's own trainer on `rounds` repetitions of the lines of one round.
    internal static FastTextModel TrainOn(IReadOnlyList<string> round, FastTextTrainingOptions options, int rounds = 200)
    {
        var dir = Directory.CreateTempSubdirectory("corpus-lid-test-");
        try
        {
            var train = Path.Combine(dir.FullName, "train.txt");
            File.WriteAllLines(train, Enumerable.Range(0, rounds).SelectMany(_ => round));
            return FastTextTrainer.Train(train, options);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
