using Corpus.Filters.Classification;

namespace Corpus.Filters.Tests.Classification;

public sealed class EduAnnotationTests
{
    [Theory]
    [InlineData("The extract explains factoring well.\nEducational score: 4\nDomain: math", 4, "math")]
    [InlineData("educational score:3\ndomain:code", 3, "code")]
    [InlineData("**Educational score:** 5\n**Domain:** STEM", 5, "stem")]
    [InlineData("Educational score: 2/5\nDomain: `news`.", 2, "news")]
    [InlineData("Educational score: 1 out of 5\nDomain: general", 1, "general")]
    [InlineData("Educational score = 0\nDomain = other", 0, "other")]
    [InlineData("Educational score: 4.0\nDomain: Mathematics", 4, "math")]
    [InlineData("Educational Value Score: 3\nDomain: History", 3, "humanities")]
    [InlineData("Score: 2\nDomain: fiction", 2, "fiction")]
    [InlineData("- Total score: 3\n- Domain: reasoning", 3, "reasoning")]
    public void Tolerant_forms_of_the_final_lines_are_read(string response, int score, string domain)
    {
        EduAnnotation.TryParse(response, out var annotation, out var reason).Should().BeTrue(reason);

        annotation.Should().Be(new EduAnnotation(score, domain));
    }

    [Fact]
    public void The_last_score_and_domain_win_over_ones_quoted_in_the_reasoning()
    {
        const string response = "Following the rubric (an educational score of 1 is for basic information), I first thought Educational score: 1 and Domain: general.\n"
            + "On reflection the worked examples earn more.\n\nEducational score: 3\nDomain: math\n";

        EduAnnotation.TryParse(response, out var annotation).Should().BeTrue();

        annotation.Should().Be(new EduAnnotation(3, "math"));
    }

    [Fact]
    public void Thinking_is_skipped()
    {
        const string response = "<think>Maybe Educational score: 5\nDomain: code? No.</think>\nEducational score: 2\nDomain: news";

        EduAnnotation.TryParse(response, out var annotation).Should().BeTrue();

        annotation.Should().Be(new EduAnnotation(2, "news"));
    }

    [Theory]
    [InlineData("", "empty response")]
    [InlineData("   \n ", "empty response")]
    [InlineData("<think>Let me weigh the criteria. Educational score: 3", "ends inside <think>")]
    [InlineData("I cannot judge this document.", "no 'Educational score: N' line")]
    [InlineData("Educational score: 7\nDomain: math", "educational score 7 is outside 0 to 5")]
    [InlineData("Educational score: 3.5\nDomain: math", "educational score '3.5' is not a whole number")]
    [InlineData("Educational score: 3", "no 'Domain: X' line")]
    [InlineData("Educational score: 3\nDomain: cooking", "domain 'cooking' is not one of general, stem, math, code, reasoning, humanities, news, fiction, other")]
    public void Failures_say_why(string response, string expected)
    {
        EduAnnotation.TryParse(response, out _, out var reason).Should().BeFalse();

        reason.Should().Contain(expected);
    }

    [Fact]
    public void A_missing_score_line_quotes_the_end_of_the_answer()
    {
        EduAnnotation.TryParse("The page is a shop listing.\nVerdict: low value", out _, out var reason).Should().BeFalse();

        reason.Should().Contain("Verdict: low value");
    }

    [Fact]
    public void The_prompt_answer_format_round_trips_through_the_parser()
    {
        var prompt = EduPrompt.Build("Some text.");
        var format = prompt[prompt.LastIndexOf("Educational score:", StringComparison.Ordinal)..];
        var answer = format.Replace("<a whole number from 0 to 5>", "4", StringComparison.Ordinal)
            .Replace($"<one of {string.Join(", ", ContentDomains.All)}>", "stem", StringComparison.Ordinal);

        EduAnnotation.TryParse(answer, out var annotation, out var reason).Should().BeTrue(reason);

        annotation.Should().Be(new EduAnnotation(4, "stem"));
    }
}
