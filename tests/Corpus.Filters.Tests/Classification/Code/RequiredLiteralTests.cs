using Corpus.Filters.Classification.Code;

namespace Corpus.Filters.Tests.Classification.Code;

public sealed class RequiredLiteralTests
{
    [Theory]
    [InlineData(@"\bstd::", "std::")]
    [InlineData(@"<\?php", "<?php")]
    [InlineData(@"\bfn main\(\)", "fn main()")]
    [InlineData(@"^\s*\\documentclass(\[[^\]]*\])?\{", @"\documentclass")]
    [InlineData(@"colou?r", "colo")]
    [InlineData(@"[abc]def", "def")]
    [InlineData(@"(foo)?barbaz", "barbaz")]
    [InlineData(@"^\.PHONY\s*:", ".PHONY")]
    [InlineData(@"\blet mut \w+", "let mut ")]
    [InlineData(@"ab+cd", "cd")]
    [InlineData(@"\w+ <- ", " <- ")]
    public void The_longest_run_every_match_holds_is_found(string pattern, string literal)
    {
        RequiredLiteral.Of(pattern).Should().Be(literal);
    }

    [Theory]
    [InlineData(@"abc|def")]
    [InlineData(@"(?i)<html")]
    [InlineData(@"ab?c")]
    [InlineData(@"x{2}y")]
    [InlineData(@"(public|private):")]
    public void A_pattern_without_a_sure_run_of_two_characters_has_none(string pattern)
    {
        RequiredLiteral.Of(pattern).Should().BeNull();
    }

    [Fact]
    public void Every_match_of_the_identifiers_patterns_holds_the_pattern_literal()
    {
        // Skipping a pattern whose literal a text lacks must never skip a match: on every sample, every match
        // of every pattern with a literal contains it.
        var texts = CodeSamples.ByLanguage.Values.Concat(CodeSamples.Prose.Values).ToList();
        var patterns = ProgrammingLanguageIdentifier.PatternLiterals;
        patterns.Count(p => p.Literal is not null).Should().BeGreaterThan(patterns.Count / 3, "most patterns have a literal to look for first");
        var checkedMatches = 0;
        foreach (var (pattern, literal) in patterns.Where(p => p.Literal is not null))
        {
            foreach (var text in texts)
            {
                for (var m = pattern.Linear.Match(text); m.Success; m = m.NextMatch())
                {
                    m.Value.Should().Contain(literal!, pattern.ToString());
                    checkedMatches++;
                }
            }
        }

        checkedMatches.Should().BeGreaterThan(100);
    }
}
