using Corpus.Ingest.Pdf;

namespace Corpus.Ingest.Tests.Pdf;

public sealed class TextRulesTests
{
    private static readonly DocumentWords NoWords = DocumentWords.Of([]);

    [Theory]
    [InlineData("a simple exam-", "ple of it", "drop")]
    [InlineData("a rather well-", "known habit", "keep")]
    [InlineData("the Franco-", "Prussian war", "keep")]
    [InlineData("a soft\u00AD", "ware", "drop")]
    [InlineData("a list -", "item", "none")]
    [InlineData("no hyphen", "here", "none")]
    public void Hyphenation_rule_decides_how_lines_meet(string line, string next, string expected)
    {
        var joint = Hyphenation.Classify(line, next, NoWords);

        (joint switch { Hyphenation.Joint.DropHyphen => "drop", Hyphenation.Joint.KeepHyphen => "keep", _ => "none" }).Should().Be(expected);
    }

    [Fact]
    public void Hyphenation_keeps_a_compound_the_document_writes_with_its_hyphen()
    {
        var words = DocumentWords.Of([new PdfLine("a state-space model", 0, 0, 0, 0)]);

        Hyphenation.Classify("the state-", "space view", words).Should().Be(Hyphenation.Joint.KeepHyphen);
        Hyphenation.Classify("the state-", "ment here", words).Should().Be(Hyphenation.Joint.DropHyphen);
    }

    [Fact]
    public void Ligatures_and_arabic_presentation_forms_become_their_letters()
    {
        LigatureNormalizer.Normalize("\uFB01nal \uFB02ow e\uFB03cient").Should().Be("final flow efficient");
        LigatureNormalizer.Normalize("\uFEB3\uFEE0\uFE8E\uFEE1").Should().Be("\u0633\u0644\u0627\u0645");
        LigatureNormalizer.Normalize("caf\u00E9 \u2460").Should().Be("caf\u00E9 \u2460"); // other compatibility characters stay
    }

    [Fact]
    public void Right_to_left_lines_have_their_words_in_logical_order()
    {
        BidiLines.JoinLine(["\u0639\u0627\u0644\u0645", "\u0645\u0631\u062D\u0628\u0627"]).Should().Be("\u0645\u0631\u062D\u0628\u0627 \u0639\u0627\u0644\u0645");
        BidiLines.JoinLine(["hello", "world"]).Should().Be("hello world");
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("- 7 -", true)]
    [InlineData("Page 3 of 10", true)]
    [InlineData("xiv", true)]
    [InlineData("12 monkeys", false)]
    public void Page_numbers_are_recognized(string line, bool expected)
    {
        RunningLineFilter.IsPageNumber(line).Should().Be(expected);
    }

    [Fact]
    public void Reading_order_takes_a_full_width_title_then_each_column()
    {
        static PdfBlock Block(string text, double left, double right, double bottom, double top) =>
            PdfBlock.Of([new PdfLine(text + " is a line of prose with many words", left, right, bottom, top)]);

        var blocks = new[]
        {
            Block("right top", 320, 560, 600, 700),
            Block("left bottom", 50, 290, 400, 500),
            Block("title", 50, 560, 720, 740),
            Block("left top", 50, 290, 600, 700),
            Block("right bottom", 320, 560, 400, 500),
        };

        ReadingOrder.Order(blocks).Select(b => b.Lines[0].Text.Split(" is ")[0]).Should().Equal("title", "left top", "left bottom", "right top", "right bottom");
    }
}
