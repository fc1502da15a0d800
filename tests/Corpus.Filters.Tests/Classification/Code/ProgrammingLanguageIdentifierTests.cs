using Corpus.Filters.Classification.Code;

namespace Corpus.Filters.Tests.Classification.Code;

public sealed class ProgrammingLanguageIdentifierTests
{
    public static TheoryData<string> Languages => [.. CodeSamples.ByLanguage.Keys];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_language_is_named_from_its_text_alone(string language)
    {
        var guess = ProgrammingLanguageIdentifier.Identify(CodeSamples.ByLanguage[language]);

        guess.Language.Should().Be(language);
        guess.Confidence.Should().BeGreaterThan(0.25);
    }

    [Fact]
    public void Every_language_it_names_has_a_sample()
    {
        ProgrammingLanguageIdentifier.Languages.Should().BeEquivalentTo(CodeSamples.ByLanguage.Keys);
    }

    [Theory]
    [InlineData("#!/usr/bin/env python3\nprint('hi')\n", "Python")]
    [InlineData("#!/bin/bash\nls\n", "Shell")]
    [InlineData("#!/usr/bin/env -S node --no-warnings\nmain()\n", "JavaScript")]
    [InlineData("#!/usr/bin/perl -w\nprint 1;\n", "Perl")]
    [InlineData("#!/usr/bin/env Rscript\nx\n", "R")]
    [InlineData("#!/usr/bin/env ruby\nx\n", "Ruby")]
    public void A_shebang_decides(string text, string language)
    {
        ProgrammingLanguageIdentifier.Identify(text).Should().Be(new ProgrammingLanguageGuess(language, 1));
    }

    [Fact]
    public void A_file_extension_in_the_url_tips_an_ambiguous_snippet()
    {
        const string snippet = "x = compute(a, b)\nresult = x * 2\n";

        ProgrammingLanguageIdentifier.Identify(snippet, "https://raw.githubusercontent.com/o/r/main/tools/calc.py").Language.Should().Be("Python");
        ProgrammingLanguageIdentifier.Identify(snippet, "file:///home/me/calc.rb").Language.Should().Be("Ruby");
    }

    [Fact]
    public void A_web_page_extension_is_no_hint_over_http()
    {
        ProgrammingLanguageIdentifier.Identify(CodeSamples.ByLanguage["Go"], "https://example.org/snippets/show.php").Language.Should().Be("Go");
    }

    [Fact]
    public void Prose_without_evidence_is_unknown()
    {
        ProgrammingLanguageIdentifier.Identify(CodeSamples.Prose["recipe"]).Should().Be(new ProgrammingLanguageGuess(ProgrammingLanguageIdentifier.Unknown, 0));
    }
}
