using Corpus.Core.Languages;

namespace Corpus.Core.Tests.Languages;

public class LanguageCodeTests
{
    [Theory]
    [InlineData("eng_Latn", "eng", "Latn")]
    [InlineData("cmn_Hans", "cmn", "Hans")]
    [InlineData("arb_Arab", "arb", "Arab")]
    public void Parse_splits_language_and_script(string value, string language, string script)
    {
        var code = LanguageCode.Parse(value);
        code.Language.Should().Be(language);
        code.Script.Should().Be(script);
        code.ToString().Should().Be(value);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("eng-Latn")]
    [InlineData("ENG_Latn")]
    [InlineData("eng_latn")]
    [InlineData("eng_LATN")]
    [InlineData("eng_Latn ")]
    [InlineData("")]
    public void Parse_rejects_malformed_codes_naming_the_value(string value)
    {
        var act = () => LanguageCode.Parse(value);
        act.Should().Throw<FormatException>().WithMessage($"*'{value}'*");
        LanguageCode.TryParse(value, out _).Should().BeFalse();
    }

    [Fact]
    public void Codes_with_equal_parts_are_equal()
    {
        LanguageCode.Parse("fra_Latn").Should().Be(LanguageCode.Parse("fra_Latn"));
        LanguageCode.Parse("fra_Latn").Should().NotBe(LanguageCode.Parse("fra_Grek"));
        LanguageCode.Undetermined.ToString().Should().Be("und_Zzzz");
    }
}
