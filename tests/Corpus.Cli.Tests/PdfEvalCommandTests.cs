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
}
