using Corpus.Filters.Classification;

namespace Corpus.Filters.Tests.Classification;

public sealed class FastTextLinesTests
{
    [Fact]
    public void Training_lines_carry_the_label_and_the_text_on_one_line()
    {
        FastTextLines.EduLine(3, "Line one.\r\nLine\ttwo.\n\n  Line three. ").Should().Be("__label__edu_3 Line one. Line two. Line three.");
        FastTextLines.DomainLine("Mathematics", "x\u2028y\u00a0z\u0000w").Should().Be("__label__domain_math x y z w");
    }

    [Fact]
    public void Text_never_adds_a_label_of_its_own()
    {
        FastTextLines.Flatten("see __label__spam here and a__label__b").Should().Be("see spam here and a__label__b");
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_within_the_limit()
    {
        var flat = FastTextLines.Flatten("alpha beta gamma delta", 13);

        flat.Should().Be("alpha beta");
    }

    [Fact]
    public void Scores_outside_0_to_5_and_unknown_domains_are_refused()
    {
        var badScore = () => FastTextLines.EduLine(6, "x");
        var badDomain = () => FastTextLines.DomainLine("cooking", "x");

        badScore.Should().Throw<ArgumentOutOfRangeException>();
        badDomain.Should().Throw<ArgumentException>().WithMessage("*cooking*");
    }

    [Theory]
    [InlineData("__label__edu_0", true, 0)]
    [InlineData("edu_5", true, 5)]
    [InlineData("__label__edu_9", false, 0)]
    [InlineData("__label__domain_math", false, 0)]
    public void Edu_labels_map_back_to_scores(string label, bool ok, int score)
    {
        FastTextLines.TryEduScore(label, out var s).Should().Be(ok);
        if (ok)
        {
            s.Should().Be(score);
        }
    }

    [Fact]
    public void Domain_labels_map_back_to_domains()
    {
        FastTextLines.DomainOf("__label__domain_code").Should().Be("code");
        FastTextLines.DomainOf("domain_news").Should().Be("news");
    }
}
