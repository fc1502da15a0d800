using Corpus.Core.Languages;
using Corpus.Filters.Quality;

namespace Corpus.Filters.Tests.Quality;

public sealed class QualityFilterTests
{
    private static readonly QualityOptions GopherOnly = new() { Repetition = null, C4 = null, FineWeb = null, Urls = null };
    private static readonly QualityOptions RepetitionOnly = new() { Gopher = null, C4 = null, FineWeb = null, Urls = null };
    private static readonly QualityOptions C4Only = new() { Gopher = null, Repetition = null, FineWeb = null, Urls = null };
    private static readonly QualityOptions FineWebOnly = new() { Gopher = null, Repetition = null, C4 = null, Urls = null };

    private static FilterVerdict Run(QualityOptions options, string text, string language = "eng_Latn") =>
        QualityFilter.Create(options).Evaluate(text, LanguageCode.Parse(language));

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void Well_formed_text_is_kept_in_every_script(string script)
    {
        var verdict = QualityFilter.Create().Evaluate(Gen.Document(script), LanguageCode.Parse(script));
        verdict.Rule.Should().BeNull();
        verdict.Kept.Should().BeTrue();
        verdict.Signals.Should().ContainKeys("gopher_short_doc", "top_2_gram", "c4_too_few_sentences", "fineweb_list_ratio");
    }

    public static TheoryData<string> ScriptData() => new(Gen.Scripts);

    [Fact]
    public async Task A_verdict_does_not_depend_on_what_the_thread_judged_before()
    {
        // The rules reuse per-thread working memory; a document judged after a much larger one, or
        // on another thread, must get the same signals and kept text as when judged first.
        var filter = QualityFilter.Create();
        var english = LanguageCode.Parse("eng_Latn");
        var small = "The cat sat on the mat.\nThe cat sat on the mat.\n\n" + Gen.Document("eng_Latn") + "\nPrivacy policy here.";
        var large = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => Gen.Document(i % 2 == 0 ? "eng_Latn" : "zho_Hans")));
        var first = await Task.Run(() => filter.Evaluate(small, english));
        filter.Evaluate(large, english);
        filter.Evaluate(large, LanguageCode.Parse("zho_Hans"));
        var after = filter.Evaluate(small, english);
        after.Text.Should().Be(first.Text);
        after.Rule.Should().Be(first.Rule);
        after.Signals.Should().Equal(first.Signals);
        first.Signals["dup_line_frac"].Should().BeGreaterThan(0);
        first.Signals["c4_dropped_lines"].Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void Gopher_short_doc_rejects_below_the_language_minimum(string script)
    {
        var min = script is "zho_Hans" or "tha_Thai" ? 100 : 50;
        var random = new Random(3);
        Run(GopherOnly, Gen.Sentence(script, min - 1, random), script).Rule.Should().Be("gopher_short_doc");
        var atMin = Run(GopherOnly, Gen.Sentence(script, min, random), script);
        atMin.Kept.Should().BeTrue();
        atMin.Signals["gopher_short_doc"].Should().Be(min);
    }

    [Fact]
    public void Gopher_long_doc_rejects_above_the_maximum()
    {
        var options = GopherOnly with { UseLanguageDefaults = false, Gopher = new GopherQualityOptions { MaxWords = 60 } };
        var random = new Random(4);
        Run(options, Gen.Sentence("eng_Latn", 61, random)).Rule.Should().Be("gopher_long_doc");
        Run(options, Gen.Sentence("eng_Latn", 60, random)).Kept.Should().BeTrue();
    }

    [Theory]
    [InlineData("eng_Latn", "ab", "abcd")]
    [InlineData("rus_Cyrl", "бв", "бвгд")]
    public void Gopher_mean_word_length_has_a_floor(string script, string shortWord, string okWord)
    {
        var stop = script == "eng_Latn" ? "the of " : "и на ";
        string Doc(string w) => stop + string.Join(' ', Enumerable.Repeat(w, 60));
        Run(GopherOnly, Doc(shortWord), script).Rule.Should().Be("gopher_below_avg_threshold");
        Run(GopherOnly, Doc(okWord), script).Kept.Should().BeTrue();
    }

    [Fact]
    public void Gopher_mean_word_length_has_a_ceiling()
    {
        string Doc(int length) => "the of the " + string.Join(' ', Enumerable.Repeat(new string('k', length), 60));
        Run(GopherOnly, Doc(11)).Rule.Should().Be("gopher_above_avg_threshold");
        Run(GopherOnly, Doc(10)).Kept.Should().BeTrue();
    }

    [Theory]
    [InlineData("#", "gopher_too_many_hashes")]
    [InlineData("...", "gopher_too_many_ellipsis")]
    [InlineData("…", "gopher_too_many_ellipsis")]
    public void Gopher_symbols_per_word_at_most_a_tenth(string symbol, string rule)
    {
        var words = Gen.Sentence("eng_Latn", 100, new Random(5)).TrimEnd('.').Split(' ');
        string With(int n) => string.Join(' ', words.Select((w, i) => i < n ? w + symbol : w));
        Run(GopherOnly, With(10)).Kept.Should().BeTrue();
        var verdict = Run(GopherOnly, With(12));
        verdict.Rule.Should().Be(rule);
        verdict.Threshold.Should().Be(0.1);
    }

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void Gopher_bullet_lines_at_most_nine_tenths(string script)
    {
        var random = new Random(6);
        string Doc(int bullets) => string.Join('\n', Enumerable.Range(0, 10).Select(i => (i < bullets ? "• " : string.Empty) + Gen.Sentence(script, 12, random)));
        Run(GopherOnly, Doc(9), script).Kept.Should().BeTrue();
        Run(GopherOnly, Doc(10), script).Rule.Should().Be("gopher_too_many_bullets");
    }

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void Gopher_ellipsis_lines_at_most_three_tenths(string script)
    {
        var random = new Random(7);
        string Doc(int ellipses) => string.Join('\n', Enumerable.Range(0, 10).Select(i => Gen.Sentence(script, 12, random) + (i < ellipses ? "…" : string.Empty)));
        Run(GopherOnly, Doc(3), script).Kept.Should().BeTrue();
        Run(GopherOnly, Doc(4), script).Rule.Should().Be("gopher_too_many_end_ellipsis");
    }

    [Theory]
    [InlineData("eng_Latn")]
    [InlineData("arb_Arab")]
    public void Gopher_words_with_a_letter_at_least_eight_tenths(string script)
    {
        var words = Gen.Sentence(script, 100, new Random(8)).TrimEnd('.').Split(' ');
        string With(int numbers) => string.Join(' ', words.Select((w, i) => i >= 100 - numbers ? "1234" : w));
        Run(GopherOnly, With(20), script).Kept.Should().BeTrue();
        Run(GopherOnly, With(21), script).Rule.Should().Be("gopher_below_alpha_threshold");
    }

    [Theory]
    [InlineData("eng_Latn", "the", "zzz")]
    [InlineData("rus_Cyrl", "и", "жж")]
    [InlineData("arb_Arab", "في", "ظظ")]
    [InlineData("zho_Hans", "的", "龙")]
    [InlineData("tha_Thai", "ที่", "ฮิ")]
    public void Gopher_needs_two_stop_words(string script, string stop, string filler)
    {
        var random = new Random(9);
        var spaced = script is not ("zho_Hans" or "tha_Thai");
        var words = Enumerable.Range(0, 120).Select(_ => Gen.Word(script, random)).ToList();
        string With(int n) => string.Join(spaced ? " " : string.Empty, words.Select((w, i) => i < n ? stop : w)) + (spaced ? " " : string.Empty) + filler;
        Run(GopherOnly, With(1), script).Rule.Should().Be("gopher_enough_stop_words");
        Run(GopherOnly, With(2), script).Kept.Should().BeTrue();
    }

    [Fact]
    public void Duplicate_lines_over_three_tenths_reject()
    {
        var random = new Random(10);
        var lines = Enumerable.Range(0, 10).Select(_ => Gen.Sentence("eng_Latn", 12, random)).ToArray();
        string Doc(int dups) => string.Join('\n', lines.Select((l, i) => i < dups ? "Short line." : l));
        var three = Run(RepetitionOnly, Doc(4)); // one original, three repeats
        three.Signals["dup_line_frac"].Should().BeApproximately(0.3, 1e-9);
        three.Kept.Should().BeTrue();
        Run(RepetitionOnly, Doc(5)).Rule.Should().Be("dup_line_frac");
    }

    [Theory]
    [InlineData("eng_Latn")]
    [InlineData("rus_Cyrl")]
    [InlineData("zho_Hans")]
    public void Duplicate_line_characters_over_a_fifth_reject(string script)
    {
        var random = new Random(11);
        var lines = Enumerable.Range(0, 10).Select(_ => Gen.Sentence(script, 12, random)).ToList();
        var repeated = lines[0] + "\n" + lines[0];
        Run(RepetitionOnly, repeated + "\n" + string.Join('\n', lines.Skip(1)), script).Kept.Should().BeTrue();
        var verdict = Run(RepetitionOnly, repeated + "\n" + lines[1] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[2] + "\n" + lines[3], script);
        verdict.Rule.Should().BeOneOf("dup_line_frac", "dup_line_char_frac");
        verdict.Signals["dup_line_char_frac"].Should().BeGreaterThan(0.2);
    }

    [Fact]
    public void Duplicate_paragraphs_reject()
    {
        var random = new Random(12);
        var paras = Enumerable.Range(0, 10).Select(_ => Gen.Sentence("eng_Latn", 12, random)).ToArray();
        var doc = string.Join("\n\n", paras.Take(6).Concat(paras.Take(4)));
        Run(RepetitionOnly, doc).Rule.Should().Be("dup_para_frac");
        Run(RepetitionOnly, string.Join("\n\n", paras)).Kept.Should().BeTrue();
    }

    [Theory]
    [InlineData("eng_Latn")]
    [InlineData("arb_Arab")]
    [InlineData("tha_Thai")]
    public void Top_bigram_over_a_fifth_of_the_characters_rejects(string script)
    {
        var random = new Random(13);
        var joiner = script == "tha_Thai" ? string.Empty : " ";
        var pair = Gen.Word(script, random) + joiner + Gen.Word(script, random);
        string Doc(int repeats) => string.Join(joiner, Enumerable.Range(0, 200).Select(i => i % 10 < repeats && i % 2 == 0 ? pair : Gen.Word(script, random)));
        var low = Run(RepetitionOnly with { Repetition = new GopherRepetitionOptions { DuplicatedNGrams = [] } }, Doc(script == "tha_Thai" ? 0 : 2), script);
        low.Signals["top_2_gram"].Should().BeLessThan(0.2);
        low.Kept.Should().BeTrue();
        var high = Run(RepetitionOnly with { Repetition = new GopherRepetitionOptions { DuplicatedNGrams = [] } }, Doc(10), script);
        high.Signals["top_2_gram"].Should().BeGreaterThan(0.2);
        high.Rule.Should().Be("top_2_gram");
    }

    [Fact]
    public void Duplicated_five_grams_over_fifteen_percent_reject()
    {
        var random = new Random(14);
        var phrase = string.Join(' ', Enumerable.Range(0, 5).Select(_ => Gen.Word("eng_Latn", random)));
        string Doc(int copies) => string.Join(' ', Enumerable.Range(0, copies).Select(_ => phrase)
            .Concat(Enumerable.Range(0, 150).Select(_ => Gen.Word("eng_Latn", random))));
        var options = RepetitionOnly with { Repetition = new GopherRepetitionOptions { TopNGrams = [] } };
        Run(options, Doc(2)).Kept.Should().BeTrue();
        var verdict = Run(options, Doc(12));
        verdict.Rule.Should().Be("duplicated_5_n_grams");
        verdict.Value.Should().BeGreaterThan(0.15);
    }

    [Theory]
    [InlineData("lorem ipsum dolor sit amet, consectetur.", "c4_lorem_ipsum")]
    [InlineData("function f() { return the value; } ok.", "c4_curly_bracket")]
    public void C4_rejects_lorem_ipsum_and_curly_brackets(string line, string rule)
    {
        var doc = Gen.Document("eng_Latn", 6);
        Run(C4Only, doc).Kept.Should().BeTrue();
        Run(C4Only, doc + "\n" + line).Rule.Should().Be(rule);
    }

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void C4_needs_five_sentences(string script)
    {
        Run(C4Only, Gen.Document(script, 4), script).Rule.Should().Be("c4_too_few_sentences");
        Run(C4Only, Gen.Document(script, 5), script).Kept.Should().BeTrue();
    }

    [Fact]
    public void C4_drops_javascript_policy_unpunctuated_and_long_word_lines()
    {
        var doc = Gen.Document("eng_Latn", 6) + "\nPlease enable JavaScript to view this page.\nRead our privacy policy here.\nMenu Home About\n"
            + new string('x', 1001) + " is long.\nSee the note [12] here now.";
        var verdict = Run(C4Only, doc);
        verdict.Kept.Should().BeTrue();
        verdict.Text.Should().NotContain("JavaScript").And.NotContain("privacy").And.NotContain("Menu").And.NotContain("xxxx");
        verdict.Text.Should().EndWith("See the note  here now.");
        verdict.Signals["c4_dropped_lines"].Should().Be(4);
    }

    [Theory]
    [MemberData(nameof(ScriptData))]
    public void FineWeb_line_punctuation_ratio_at_least_twelve_hundredths(string script)
    {
        var random = new Random(15);
        string Doc(int lines) => string.Join('\n', Enumerable.Range(0, lines).Select(i =>
            { var s = Gen.Sentence(script, 30, random); return i == 0 ? s : s[..^1]; }));
        Run(FineWebOnly, Doc(8), script).Kept.Should().BeTrue(); // 1/8 = 0.125
        var verdict = Run(FineWebOnly, Doc(9), script); // 1/9 = 0.111
        verdict.Rule.Should().Be("fineweb_line_punct_ratio");
        verdict.Threshold.Should().Be(0.12);
    }

    [Fact]
    public void FineWeb_short_lines_at_most_two_thirds()
    {
        var random = new Random(16);
        string Doc(int shortLines, int total) => string.Join('\n', Enumerable.Range(0, total).Select(i =>
            i < shortLines ? $"Item {i} is {Gen.Word("eng_Latn", random)}." : Gen.Sentence("eng_Latn", 20, random)));
        Run(FineWebOnly, Doc(2, 3)).Kept.Should().BeTrue(); // 0.667 is not above 0.67
        Run(FineWebOnly, Doc(7, 10)).Rule.Should().Be("fineweb_short_line_ratio");
    }

    [Fact]
    public void FineWeb_duplicate_line_characters_under_a_hundredth()
    {
        var random = new Random(17);
        var lines = Enumerable.Range(0, 20).Select(_ => Gen.Sentence("eng_Latn", 20, random)).ToList();
        Run(FineWebOnly, string.Join('\n', lines)).Kept.Should().BeTrue();
        Run(FineWebOnly, string.Join('\n', lines.Append(lines[0]))).Rule.Should().Be("fineweb_char_dup_ratio");
    }

    [Fact]
    public void FineWeb_newlines_per_word_at_most_three_tenths()
    {
        var random = new Random(18);
        string Doc(int wordsPerLine) => string.Join('\n', Enumerable.Range(0, 20).Select(_ => Gen.Sentence("eng_Latn", wordsPerLine, random)));
        var options = FineWebOnly with { FineWeb = new FineWebOptions { MaxShortLineRatio = 1 } };
        Run(options, Doc(2)).Rule.Should().Be("fineweb_list_ratio"); // 19 newlines / 60 tokens
        Run(options, Doc(3)).Kept.Should().BeTrue();
    }

    [Fact]
    public void Every_rule_can_be_turned_off()
    {
        var off = new QualityOptions { Gopher = null, Repetition = null, C4 = null, FineWeb = null, Urls = null };
        var verdict = QualityFilter.Create(off).Evaluate("x", null);
        verdict.Kept.Should().BeTrue();
        verdict.Signals.Should().BeEmpty();
    }

    [Fact]
    public void Top_ngram_fraction_is_measured_as_datatrove_does()
    {
        // "aa bb" ×3 covers 3 × 5 = 15 of 29 characters; "bb aa" is as frequent (2) only after it.
        var text = "aa bb aa bb aa bb cc dd ee ff";
        var options = RepetitionOnly with { Repetition = new GopherRepetitionOptions { TopNGrams = [(2, 0.2)], DuplicatedNGrams = [(2, 1.0)] } };
        var verdict = Run(options, text);
        verdict.Signals["top_2_gram"].Should().BeApproximately(15.0 / 29, 1e-9);
        verdict.Rule.Should().Be("top_2_gram");
        // Duplicated 2-grams joined without spaces: "aabb" at 2 and 4, skipping past each: 4 + 4 characters.
        verdict.Signals["duplicated_2_n_grams"].Should().BeApproximately(8.0 / 29, 1e-9);
    }
}
