using Corpus.Ingest.Pdf;

namespace Corpus.Ingest.Tests.Pdf;

[Collection(ParseWorkerCollection.Name)]
public sealed class PdfTextExtractorTests
{
    private static readonly PdfOptions Options = new();

    private static PdfDocumentText Document(byte[] pdf, PdfOptions? options = null)
    {
        var result = PdfTextExtractor.Extract(pdf, options ?? Options);
        result.Reject.Should().BeNull();
        return result.Document!;
    }

    private static PdfReject Reject(byte[] pdf, PdfOptions? options = null)
    {
        var result = PdfTextExtractor.Extract(pdf, options ?? Options);
        result.Document.Should().BeNull();
        return result.Reject!;
    }

    [Fact]
    public void Two_columns_are_read_column_by_column()
    {
        var left = TestPdfs.Column(50, 700,
            "Left column first line of prose text",
            "left column second line of the text",
            "left column third line ends here.");
        var right = TestPdfs.Column(340, 700,
            "Right column first line of prose text",
            "right column second line of the text",
            "right column third line ends here.");
        var title = (200.0, 740.0, "A Title Across Both");

        var text = Document(TestPdfs.Build([left.Concat(right).Append(title)])).Text;

        text.Should().StartWith("A Title Across Both");
        text.IndexOf("left column third", StringComparison.Ordinal).Should()
            .BeLessThan(text.IndexOf("Right column first", StringComparison.Ordinal));
        text.Should().Contain("Left column first line of prose text left column second line of the text left column third line ends here.");
    }

    [Fact]
    public void Running_headers_footers_and_page_numbers_are_removed()
    {
        var pages = Enumerable.Range(1, 4).Select(n =>
            TestPdfs.Column(72, 680, $"Body text of page {Words[n]} begins here and", "goes on for one more line of text.")
                .Append((72.0, 760.0, "Journal of Repeated Headers, Vol. 3"))
                .Append((300.0, 40.0, $"{n}"))
                .Append((72.0, 52.0, $"Chapter {n} draft copy")));

        var text = Document(TestPdfs.Build(pages)).Text;

        text.Should().NotContain("Journal").And.NotContain("draft copy");
        text.Split("\n\n").Should().Equal(
            "Body text of page one begins here and goes on for one more line of text.",
            "Body text of page two begins here and goes on for one more line of text.",
            "Body text of page three begins here and goes on for one more line of text.",
            "Body text of page four begins here and goes on for one more line of text.");
    }

    private static readonly string[] Words = ["zero", "one", "two", "three", "four"];

    [Fact]
    public void Words_broken_at_line_ends_are_joined_and_compounds_keep_their_hyphen()
    {
        var page = TestPdfs.Column(72, 700,
            "This paragraph shows a simple exam-",
            "ple of hyphenation and a rather well-",
            "known habit of typesetters, Franco-",
            "Prussian included, at every line end.");

        var text = Document(TestPdfs.Build([page])).Text;

        text.Should().Be("This paragraph shows a simple example of hyphenation and a rather well-known habit of typesetters, Franco-Prussian included, at every line end.");
    }

    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line()
    {
        var page = TestPdfs.Column(72, 700, "The first paragraph has two lines of", "text that are joined into one line.")
            .Concat(TestPdfs.Column(72, 600, "The second paragraph has two lines", "of text that are joined as well."));

        var text = Document(TestPdfs.Build([page])).Text;

        text.Should().Be("The first paragraph has two lines of text that are joined into one line.\n\nThe second paragraph has two lines of text that are joined as well.");
    }

    [Fact]
    public void A_table_is_kept_as_rows()
    {
        var page = TestPdfs.Column(72, 700, "Name", "alpha", "beta", "gamma")
            .Concat(TestPdfs.Column(250, 700, "Value", "1", "22", "333"))
            .Concat(TestPdfs.Column(400, 700, "Unit", "kg", "m", "s"));

        var text = Document(TestPdfs.Build([page])).Text;

        text.Should().Be("Name Value Unit\nalpha 1 kg\nbeta 22 m\ngamma 333 s");
    }

    [Fact]
    public void A_dense_table_with_narrow_gaps_is_kept_as_rows()
    {
        string[] countries = ["Country", "Austria", "Belgium", "Denmark", "Finland", "France", "Greece"];
        string[] capitals = ["Capital", "Vienna", "Brussels", "Copenhagen", "Helsinki", "Paris", "Athens"];
        string[] sizes = ["Size", "8.9", "11.5", "5.8", "5.5", "68.0", "10.4"];
        var page = TestPdfs.Column(72, 700, countries)
            .Concat(TestPdfs.Column(135, 700, capitals))
            .Concat(TestPdfs.Column(210, 700, sizes));

        var text = Document(TestPdfs.Build([page])).Text;

        text.Split('\n').Should().Equal(countries.Select((c, i) => $"{c} {capitals[i]} {sizes[i]}"));
    }

    [Fact]
    public void Title_author_and_page_count_go_into_the_document()
    {
        var pdf = TestPdfs.Build([TestPdfs.Column(72, 700, "Hello"), TestPdfs.Column(72, 700, "World")], title: "A Title", author: "An Author");

        var document = Document(pdf);

        document.Title.Should().Be("A Title");
        document.Author.Should().Be("An Author");
        document.Pages.Should().Be(2);
        document.Metadata.Should().ContainKey("pdf-version");
    }

    [Fact]
    public void The_same_bytes_give_the_same_text()
    {
        var pdf = TestPdfs.Build([TestPdfs.Column(72, 700, "one two three", "four five six")]);

        PdfTextExtractor.Extract(pdf, Options).Document!.Text.Should().Be(PdfTextExtractor.Extract(pdf, Options).Document!.Text);
    }

    [Fact]
    public void A_file_that_needs_a_password_is_rejected_as_encrypted()
    {
        var pdf = EncryptedPdf.Build("secret", "owner", "Hidden text");

        Reject(pdf).Reason.Should().Be(PdfRejectReasons.Encrypted);
    }

    [Fact]
    public void A_file_encrypted_with_the_empty_user_password_is_read()
    {
        var pdf = EncryptedPdf.Build(string.Empty, "owner", "Readable encrypted text");

        Document(pdf).Text.Should().Be("Readable encrypted text");
    }

    [Fact]
    public void A_truncated_file_gives_its_readable_pages_or_a_reject()
    {
        var pages = Enumerable.Range(1, 6).Select(n => TestPdfs.Column(72, 700, $"Page {Words[Math.Min(n, 4)]} text number {n} here."));
        var pdf = TestPdfs.Build(pages);

        foreach (var fraction in new[] { 0.2, 0.5, 0.8, 0.95 })
        {
            var cut = pdf[..(int)(pdf.Length * fraction)];
            var result = PdfTextExtractor.Extract(cut, Options);
            (result.Document is null).Should().NotBe(result.Reject is null);
            if (result.Reject is not null)
            {
                result.Reject.Reason.Should().Be(PdfRejectReasons.Corrupt);
            }
            else
            {
                result.Document!.Text.Should().Contain("text number");
            }
        }
    }

    [Fact]
    public void A_file_over_the_page_limit_is_rejected()
    {
        var pdf = TestPdfs.Build(Enumerable.Range(1, 5).Select(_ => TestPdfs.Column(72, 700, "text")));

        Reject(pdf, new PdfOptions { MaxPages = 3 }).Reason.Should().Be(PdfRejectReasons.TooManyPages);
    }

    [Fact]
    public void A_file_over_the_time_limit_is_rejected_as_timeout()
    {
        var pdf = TestPdfs.Build(Enumerable.Range(1, 20).Select(_ => TestPdfs.Column(72, 700, "some text on a page")));

        Reject(pdf, new PdfOptions { MaxTime = TimeSpan.FromTicks(1) }).Reason.Should().Be(PdfRejectReasons.Timeout);
        SpinWait.SpinUntil(() => ParseWorker.Abandoned == 0, TimeSpan.FromSeconds(10)).Should().BeTrue();
    }

    [Fact]
    public void A_cancelled_caller_gets_an_operation_cancelled_exception()
    {
        var pdf = TestPdfs.Build([TestPdfs.Column(72, 700, "text")]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var extract = () => PdfTextExtractor.Extract(pdf, Options, cts.Token);

        extract.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_rejected()
    {
        var pdf = TestPdfs.Build([TestPdfs.Column(72, 700, "text")]);

        Reject(pdf, new PdfOptions { MaxBytes = 100 }).Reason.Should().Be(PdfRejectReasons.TooLarge);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_rejected()
    {
        Reject("<html><body>hello</body></html>"u8.ToArray()).Reason.Should().Be(PdfRejectReasons.NotPdf);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        Reject([]).Reason.Should().Be(PdfRejectReasons.Empty);
        Reject("  \n"u8.ToArray()).Reason.Should().Be(PdfRejectReasons.Empty);
    }

    [Fact]
    public void Random_bytes_after_a_pdf_header_are_rejected_as_corrupt()
    {
        var random = new Random(5);
        for (var i = 0; i < 5; i++)
        {
            var bytes = new byte[200 + (i * 1000)];
            random.NextBytes(bytes);
            var pdf = "%PDF-1.7\n"u8.ToArray().Concat(bytes).ToArray();

            Reject(pdf).Reason.Should().BeOneOf(PdfRejectReasons.Corrupt, PdfRejectReasons.NoTextLayer);
        }
    }

    [Fact]
    public void Pages_of_images_without_text_are_rejected_as_having_no_text_layer()
    {
        Reject(TestPdfs.ImageOnly(2)).Reason.Should().Be(PdfRejectReasons.NoTextLayer);
    }

    [Fact]
    public void A_transcriber_reads_the_pages_without_a_text_layer()
    {
        var transcriber = new FakeTranscriber();

        var document = Document(TestPdfs.ImageOnly(2), new PdfOptions { Transcriber = transcriber });

        document.Text.Should().Be("Transcribed page 1.\n\nTranscribed page 2.");
        transcriber.Calls.Should().Equal((1, 1), (2, 1));
        document.Metadata["transcribed-pages"].Should().Be("2");
    }

    private sealed class FakeTranscriber : IPageTranscriber
    {
        public List<(int Page, int Images)> Calls { get; } = [];

        public string? Transcribe(int pageNumber, IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken ct)
        {
            Calls.Add((pageNumber, images.Count(i => !i.IsEmpty)));
            return $"Transcribed page {pageNumber}.";
        }
    }
}
