using System.Text;
using Corpus.Core.Documents;
using Corpus.Ingest.Files;
using Corpus.Ingest.Pdf;
using Corpus.Ingest.Sample;
using Corpus.Ingest.Warc;
using Corpus.Ingest.Tests.Warc;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>PDFs reach the extractor from every source: local files, WARC records and the sample site.</summary>
public sealed class PdfSourcesTests
{
    /// <summary>A made-up ASCII translation long enough for three two-column pages.</summary>
    private static UdhrTranslation Translation()
    {
        var sections = Enumerable.Range(1, 30).Select(a => new UdhrSection(
            $"Article {a}",
            [$"Everyone in article {a} has the right to unconditional participation in the cultural life of the community, to enjoy the arts and to share in scientific advancement and its benefits number {a}.",
             $"Everyone has the right to the protection of the moral and material interests resulting from any scientific, literary or artistic production of which they are the author, paragraph {a}."],
            a)).ToList();
        return new UdhrTranslation("tst", "en", "ltr", "Testish", "Universal Declaration in Testish", sections);
    }

    [Fact]
    public void A_sample_paper_reads_back_column_by_column_without_its_running_header_and_page_numbers()
    {
        var bytes = SamplePdfWriter.Write(Translation());

        var extraction = PdfTextExtractor.Extract(bytes, new PdfOptions());

        var text = extraction.Document.Should().NotBeNull().And.Subject.As<PdfDocumentText>().Text;
        extraction.Document!.Pages.Should().BeGreaterThan(2);
        var positions = Enumerable.Range(1, 30).Select(a => text.IndexOf($"Article {a}\n", StringComparison.Ordinal)).ToList();
        positions.Should().OnlyContain(p => p >= 0, "every article heading is a line of its own").And.BeInAscendingOrder("the columns are read one after the other");
        text.Should().NotContain("UDHR library - Testish", "the running header is removed").And.NotContain("unconditio- nal").And.Contain("unconditional");
        text.Split('\n').Should().NotContain(l => l.Trim() == "2" || l.Trim() == "3", "page numbers are removed");
        SamplePdfWriter.Write(Translation()).Should().Equal(bytes, "the same translation gives the same bytes");
    }

    [Fact]
    public void A_pdf_file_becomes_a_pdf_document_with_its_title_and_pages()
    {
        using var temp = new TempFolder();
        var path = temp.Write("papers/tst.pdf", SamplePdfWriter.Write(Translation()));

        var outcome = FileDocumentReader.Read(new InputFile(path, "papers/tst.pdf"), [".pdf"], 1 << 20);

        var document = outcome.Should().BeOfType<FileReadOutcome.Accepted>().Subject.Document;
        document.SourceKind.Should().Be(SourceKind.Pdf);
        document.ContentType.Should().Be("application/pdf");
        document.Title.Should().Be("Universal Declaration in Testish");
        document.Metadata.Should().ContainKey("pages").And.Contain("author", "UDHR library");
        document.Text.Should().Contain("Article 30");
    }

    [Fact]
    public void A_broken_pdf_file_is_a_reject_with_the_reason()
    {
        using var temp = new TempFolder();
        var good = SamplePdfWriter.Write(Translation());
        var path = temp.Write("bad.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n this is not a PDF body at all \n"));

        var outcome = FileDocumentReader.Read(new InputFile(path, "bad.pdf"), [".pdf"], 1 << 20);
        var tooLarge = FileDocumentReader.Read(new InputFile(temp.Write("big.pdf", good), "big.pdf"), [".pdf"], 1 << 20, pdf: new PdfOptions { MaxPages = 1 });

        outcome.Should().BeOfType<FileReadOutcome.Rejected>().Which.Detail.Should().NotBeEmpty();
        tooLarge.Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(PdfRejectReasons.TooManyPages);
    }

    [Fact]
    public void A_pdf_response_in_a_warc_becomes_a_pdf_document_with_its_warc_metadata()
    {
        using var temp = new TempFolder();
        var pdf = SamplePdfWriter.Write(Translation());
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {pdf.Length}\r\n\r\n").Concat(pdf).ToArray();
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = temp.Path, Seed = 3 }))
        {
            writer.WriteResponse("http://example.com/paper.pdf", WarcSamples.Date, http);
        }

        using var stream = File.OpenRead(Path.Combine(temp.Path, "corpus-00000.warc.gz"));
        var record = WarcReader.Open(stream).Cast<WarcRecord>().Single(r => r.Type == "response");

        var document = new WarcDocumentConverter().Convert(record, "crawl.warc.gz").Should().BeOfType<FileReadOutcome.Accepted>().Subject.Document;
        document.SourceKind.Should().Be(SourceKind.Pdf);
        document.SourceUri.Should().Be("http://example.com/paper.pdf");
        document.Metadata.Should().Contain("warc_file", "crawl.warc.gz").And.Contain("http_status", "200");
        document.Text.Should().Contain("Article 1");
    }

    [Fact]
    public void The_sample_site_serves_its_papers_as_pdf_and_links_them_from_the_home_page()
    {
        var translations = UdhrLibrary.Load();
        var site = new SampleSite(translations, "http://127.0.0.1:1");
        var home = Encoding.UTF8.GetString(site.Respond("/").Body);
        var links = System.Text.RegularExpressions.Regex.Matches(home, "href=\"(/papers/[^\"]+\\.pdf)\"").Select(m => m.Groups[1].Value).ToList();

        links.Should().HaveCount(SampleSite.PaperCount);
        var paper = site.Respond(links[0]);
        paper.Status.Should().Be(200);
        paper.ContentType.Should().Be("application/pdf");
        PdfTextExtractor.Extract(paper.Body, new PdfOptions()).Document.Should().NotBeNull();
    }
}
