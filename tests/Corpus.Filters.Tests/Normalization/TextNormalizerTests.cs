using Corpus.Filters.Normalization;

namespace Corpus.Filters.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("cafÃ© rÃ©sumÃ©", "café résumé")]
    [InlineData("â€œquotedâ€\u009d and â€™", "“quoted” and ’")]
    [InlineData("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет")]
    [InlineData("«Ã©»", "«é»")]
    [InlineData("cafÃƒÂ©", "café")]
    public void Mojibake_is_repaired(string broken, string expected) => TextNormalizer.Normalize(broken).Should().Be(expected);

    [Theory]
    [InlineData("naïve façade «déjà vu» Âge")]
    [InlineData("Ærø, Øresund, µ, ½")]
    [InlineData("中文 и русский, العربية")]
    public void Sound_text_is_left_alone(string text) => TextNormalizer.Normalize(text).Should().Be(text);

    [Fact]
    public void Text_is_put_in_nfc() => TextNormalizer.Normalize("e\u0301t\u00E9").Should().Be("\u00E9t\u00E9");

    [Fact]
    public void Controls_go_newlines_and_tabs_stay() =>
        TextNormalizer.Normalize("a\u0000b\u0007c\td\u200Be\nf").Should().Be("abc\tde\nf");

    [Fact]
    public void Whitespace_runs_collapse() =>
        TextNormalizer.Normalize("  one   two\u00A0\u2003three  \r\n\r\n\r\n\nfour  \n").Should().Be("one two three\n\nfour");
}
