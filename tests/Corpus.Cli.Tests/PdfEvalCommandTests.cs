using Corpus.Cli.Commands.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Corpus.Cli.Tests;

public sealed class PdfEvalCommandTests
{
    [Fact]
    public void Pdf_eval_reports_documents_rejects_by_reason_and_no_crash()
    {
        var dir = TestEnvironment.NewTempDir("pdfeval");
        try
        {
            using (var builder = new PdfDocumentBuilder())
            {
                var font = builder.AddStandard14Font(Standard14Font.Helvetica);
                builder.AddPage(612, 792).AddText("Hello from a generated PDF.", 12, new PdfPoint(72, 700), font);
                File.WriteAllBytes(Path.Combine(dir, "a.pdf"), builder.Build());
            }

            File.WriteAllText(Path.Combine(dir, "b.pdf"), "not a pdf at all");
            File.WriteAllBytes(Path.Combine(dir, "c.pdf"), []);

            var (code, stdout, stderr) = TestEnvironment.Run(null, "pdf", "eval", dir, "--max-seconds", "10");

            code.Should().Be(0, stderr);
            stdout.Should().Contain("files 3, documents 1, rejects 2, crashes 0")
                .And.Contain("reject not-pdf: 1")
                .And.Contain("reject empty: 1");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

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
