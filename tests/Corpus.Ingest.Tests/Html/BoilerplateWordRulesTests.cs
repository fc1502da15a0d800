using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Ingest.Html;

namespace Corpus.Ingest.Tests.Html;

/// <summary>The word rules read class names and short blocks from buffers of their own; what they answer.</summary>
public class BoilerplateWordRulesTests
{
    private static IElement Paragraph(string innerHtml) =>
        new HtmlParser().ParseDocument($"<html><body><p>{innerHtml}</p></body></html>").QuerySelector("p")!;

    private static string LineOf(string innerHtml)
    {
        var line = new char[BoilerplateLines.LineBufferChars];
        return new string(line, 0, BoilerplateLines.LineText(Paragraph(innerHtml), line));
    }

    [Theory]
    [InlineData("SideBar", null, true)]
    [InlineData("entry-meta", null, true)]
    [InlineData(null, "post-share", true)]
    [InlineData("nav", null, true)]
    [InlineData("nav content", null, false)]
    [InlineData("article-body", "main", false)]
    [InlineData("level", null, false)]
    public void Class_and_id_words_judge_an_element(string? className, string? id, bool boilerplate)
    {
        BoilerplateRules.Judge(className, id).IsBoilerplate.Should().Be(boilerplate);
    }

    [Fact]
    public void A_class_list_longer_than_the_stack_buffer_is_judged_whole()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"c{i}"));

        BoilerplateRules.Judge(filler + " Sidebar", null).StrongBoilerplate.Should().BeTrue();
        BoilerplateRules.Judge(filler, "ads").WeakBoilerplate.Should().BeTrue();
        BoilerplateRules.Judge(filler, null).IsBoilerplate.Should().BeFalse();
    }

    [Fact]
    public void A_line_is_lower_cased_without_leading_punctuation_and_with_single_spaces()
    {
        LineOf("  » Read <b>Also</b>:\n\t  The   Storm").Should().Be("read also: the storm");
        BoilerplateLines.IsTeaser(LineOf("Read also: <a href=/x>Storm hits the coast</a>")).Should().BeTrue();
        BoilerplateLines.IsTerminating(LineOf("Related")).Should().BeTrue();
    }

    [Fact]
    public void A_long_line_is_cut_and_marks_a_digit_that_comes_after_the_cut()
    {
        var words = string.Concat(Enumerable.Repeat("word ", 80));

        var withDigit = LineOf(words + "2021");
        var without = LineOf(words + "end");

        withDigit.Should().EndWith(" 0");
        withDigit.Length.Should().BeLessThanOrEqualTo(BoilerplateLines.LineBufferChars);
        without.Should().NotContain("0").And.NotContain("end");
    }

    [Theory]
    [InlineData("Photo: Jane Doe / Agency", true)]
    [InlineData("12.03.2021", true)]
    [InlineData("Monday, 12 March 2021", true)]
    [InlineData("Updated on 12 March 2021, 10:45", true)]
    [InlineData("The river rose 3 metres overnight.", false)]
    [InlineData("Monday was a quiet day in the town", false)]
    public void Meta_lines_are_dates_credits_and_update_notices(string text, bool meta)
    {
        BoilerplateLines.IsMetaLine(LineOf(text)).Should().Be(meta);
    }
}
