using Corpus.Filters.Languages;

namespace Corpus.Filters.Tests.Languages;

public class ScriptDetectorTests
{
    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.", "Latn")]
    [InlineData("Все люди рождаются свободными и равными.", "Cyrl")]
    [InlineData("Όλοι οι άνθρωποι γεννιούνται ελεύθεροι.", "Grek")]
    [InlineData("يولد جميع الناس أحراراً متساوين في الكرامة والحقوق.", "Arab")]
    [InlineData("כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם.", "Hebr")]
    [InlineData("सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।", "Deva")]
    [InlineData("সমস্ত মানুষ স্বাধীনভাবে সমান মর্যাদা এবং অধিকার নিয়ে জন্মগ্রহণ করে।", "Beng")]
    [InlineData("மனிதப் பிறவியினர் சகலரும் சுதந்திரமாகவே பிறக்கின்றனர்.", "Taml")]
    [InlineData("มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักด[เกียรติศักดิ์]และสิทธิ", "Thai")]
    [InlineData("ადამიანი იბადება თავისუფალი და თანასწორი", "Geor")]
    [InlineData("Մարդիկ բոլորը ծնվում են ազատ ու հավասար", "Armn")]
    [InlineData("ሁሉም የሰው ልጆች ሲወለዱ ነጻና በክብርና በመብትም እኩልነት ያላቸው ናቸው።", "Ethi")]
    [InlineData("人人生而自由，在尊严和权利上一律平等。", "Hani")]
    [InlineData("すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。", "Jpan")]
    [InlineData("모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.", "Hang")]
    [InlineData("ᐃᓄᒃ ᐃᓅᓕᖅᑎᓪᓗᒋᑦ ᐃᒻᒥᓂᒃ ᐱᓕᕆᐅᖅᑎᑦᑎᔪᓐᓇᖅᑐᓂ", "Cans")]
    public void Detect_names_the_dominant_script(string text, string script) =>
        ScriptDetector.Detect(text).Should().Be(script);

    [Fact]
    public void Detect_ignores_digits_punctuation_and_spaces()
    {
        // Eleven Latin digits and signs against four Cyrillic letters: the letters decide.
        ScriptDetector.Detect("2024-01-01 12:30 !!! ... мама").Should().Be("Cyrl");
        ScriptDetector.Detect("123 456, 7.89 %  -- ()").Should().Be(ScriptDetector.Common);
        ScriptDetector.Detect(string.Empty).Should().Be(ScriptDetector.Common);
    }

    [Fact]
    public void Detect_takes_the_script_with_most_letters_in_a_mixed_text() =>
        ScriptDetector.Detect("Москва is a city, Москва — столица России").Should().Be("Cyrl");

    [Fact]
    public void Korean_with_hanja_stays_Hangul_and_Japanese_kanji_with_kana_is_Jpan()
    {
        ScriptDetector.Detect("大韓民國 憲法 대한민국은 민주공화국이다").Should().Be("Hang");
        ScriptDetector.Detect("東京都 日本国 政府 国民 は").Should().Be("Jpan");
        ScriptDetector.Detect("東京都日本国政府国民").Should().Be("Hani");
    }

    [Fact]
    public void ScriptOf_reads_supplementary_planes_and_common_characters()
    {
        ScriptDetector.ScriptOf(0x20000).Should().Be("Hani"); // CJK extension B
        ScriptDetector.ScriptOf(0x1E900).Should().Be("Adlm");
        ScriptDetector.ScriptOf('7').Should().Be(ScriptDetector.Common);
        ScriptDetector.ScriptOf(0x0301).Should().Be(ScriptDetector.Common); // combining acute: Inherited
    }

    [Theory]
    [InlineData("Latn", "Latn", true)]
    [InlineData("Latn", "Cyrl", false)]
    [InlineData("Hans", "Hani", true)]
    [InlineData("Hant", "Hani", true)]
    [InlineData("Hans", "Jpan", false)]
    [InlineData("Jpan", "Hani", true)]
    public void IsCompatible_matches_label_scripts_to_detected_ones(string label, string detected, bool expected) =>
        ScriptDetector.IsCompatible(label, detected).Should().Be(expected);
}
