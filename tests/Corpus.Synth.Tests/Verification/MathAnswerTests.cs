using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Verification;

public sealed class MathAnswerTests
{
    [Theory]
    [InlineData("The answer is \\boxed{42}.", "42")]
    [InlineData("first \\boxed{1} then \\boxed{2}", "2")]
    [InlineData("\\boxed{\\frac{3}{4}}", "\\frac{3}{4}")]
    [InlineData("so $\\boxed{\\{1, \\{2\\}\\}}$", "\\{1, \\{2\\}\\}")]
    [InlineData("\\boxed{ \\text{(B)} }", "\\text{(B)}")]
    [InlineData("$\\boxed 5$ is it", "5")]
    [InlineData("\\boxed {7}", "7")]
    [InlineData("\\boxed{x^{2}+1} and a \\boxedfoo", "x^{2}+1")]
    public void Last_boxed_answer_is_extracted_with_balanced_braces(string text, string expected) =>
        BoxedAnswer.ExtractLast(text).Should().Be(expected);

    [Theory]
    [InlineData("no answer here")]
    [InlineData("cut off at \\boxed{\\frac{1}{2}")]
    [InlineData("\\boxed{}")]
    [InlineData("\\boxed{9} then cut \\boxed{1")]
    public void Missing_or_unclosed_boxed_gives_null(string text) =>
        BoxedAnswer.ExtractLast(text).Should().BeNull();

    [Theory]
    [InlineData("$1,000$", "1000")]
    [InlineData("\\$ 12.50.", "12.50")]
    [InlineData("\\dfrac{3}{4}", "3/4")]
    [InlineData("\\frac12", "1/2")]
    [InlineData("\\frac{\\sqrt{2}}{2}", "(\\sqrt{2})/(2)")]
    [InlineData("72 \\text{ apples}", "72apples")]
    [InlineData("x = 5", "5")]
    [InlineData("45^\\circ", "45")]
    [InlineData("50\\%", "50%")]
    [InlineData("{3}", "3")]
    [InlineData("\\left( 1, 2 \\right)", "(1,2)")]
    [InlineData("1\\,000\\,000", "1000000")]
    public void Answers_are_normalised(string answer, string expected) =>
        MathAnswer.Normalize(answer).Should().Be(expected);

    [Theory]
    [InlineData("3/4", "0.75")]
    [InlineData("\\frac{3}{4}", "0.750")]
    [InlineData("\\dfrac{-3}{4}", "-0.75")]
    [InlineData("-\\frac{6}{8}", "-3/4")]
    [InlineData("72", "72.00")]
    [InlineData("1,000", "1000")]
    [InlineData("$18$", "18.")]
    [InlineData("50\\%", "50")]
    [InlineData(".5", "1/2")]
    [InlineData("\\text{(B)}", "(B)")]
    [InlineData("x^{2} + 1", "x^{2}+1")]
    [InlineData("+7", "7")]
    public void Equivalent_answers_match(string left, string right) =>
        MathAnswer.AreEquivalent(left, right).Should().BeTrue();

    [Theory]
    [InlineData("3/4", "0.7")]
    [InlineData("72", "-72")]
    [InlineData("1,2", "12")]
    [InlineData("0.333", "1/3")]
    [InlineData("x^2", "x^3")]
    [InlineData("7", "7/0")]
    public void Different_answers_do_not_match(string left, string right) =>
        MathAnswer.AreEquivalent(left, right).Should().BeFalse();

    [Fact]
    public void Huge_numbers_are_compared_exactly() =>
        MathAnswer.AreEquivalent("123456789012345678901234567890", "123456789012345678901234567891").Should().BeFalse();

    [Theory]
    [InlineData("Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips.\n#### 72", "72")]
    [InlineData("... #### 1,000\n", "1,000")]
    [InlineData("#### -3", "-3")]
    [InlineData("  17 ", "17")]
    public void Gsm8k_answer_is_the_text_after_the_marker(string field, string expected) =>
        Gsm8kAnswer.Parse(field).Should().Be(expected);

    [Fact]
    public void Gsm8k_answer_without_text_is_null() => Gsm8kAnswer.Parse("work shown #### ").Should().BeNull();

    [Fact]
    public void Gsm8k_answer_matches_a_boxed_answer_with_separators() =>
        MathAnswer.AreEquivalent(BoxedAnswer.ExtractLast("so \\boxed{\\$1,000.00}")!, Gsm8kAnswer.Parse("#### 1000")!).Should().BeTrue();
}
