using Corpus.Ingest.Pdf.Evaluation;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>How <c>corpus pdf eval</c> scores an extraction against its reference text.</summary>
public class PdfEvaluationTests
{
    [Fact]
    public void Word_similarity_is_one_for_equal_text_and_order_aware()
    {
        var reference = WordSimilarity.Words("one two, three. four");

        WordSimilarity.Score(reference, WordSimilarity.Words("One two three four"), partial: false).Should().Be((1.0, 1.0));
        var shuffled = WordSimilarity.Score(reference, WordSimilarity.Words("three four one two"), partial: false);
        shuffled.Bag.Should().Be(1.0);
        shuffled.Order.Should().Be(0.5);
    }

    [Fact]
    public void Latex_reference_keeps_text_and_drops_markup()
    {
        var text = ReferenceText.StripLatex("\\documentclass{article}\n\\begin{document}\n\\title{A \\textbf{bold} title} % comment\n\\maketitle\nBody 50\\% text.\n\\end{document}");

        WordSimilarity.Words(text).Should().Equal("a", "bold", "title", "body", "50%", "text");
    }
}
