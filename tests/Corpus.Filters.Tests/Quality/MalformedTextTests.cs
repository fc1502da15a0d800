using Corpus.Core.Languages;
using Corpus.Filters.Pii;
using Corpus.Filters.Quality;

namespace Corpus.Filters.Tests.Quality;

public sealed class MalformedTextTests
{
    [Theory]
    [InlineData("eng_Latn")]
    [InlineData("cmn_Hans")]
    [InlineData("tha_Thai")]
    public void Lone_surrogates_and_control_characters_never_throw(string language)
    {
        var text = "Start \uD83D of a cut pair, an end \uDE00 half, 中文\uD800 and ไทย\uDFFF then \u0000\u0007 controls. " + string.Concat(Enumerable.Repeat("The rest of the text is ordinary prose. ", 40)) + "\uD83D";
        var act = () => QualityFilter.Create().Evaluate(text, LanguageCode.Parse(language));
        act.Should().NotThrow();
        var redact = () => PiiRedactor.Redact(text);
        redact.Should().NotThrow();
    }
}
