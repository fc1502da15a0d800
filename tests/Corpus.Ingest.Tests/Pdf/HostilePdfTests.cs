using Corpus.Ingest.Pdf;
using Corpus.Tests.Shared;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>
/// PDFs with cyclic, self-referencing, oversized or lying structure, parsed in this process. The cases that overflow
/// PdfPig's stack or make it loop (<see cref="HostilePdfs.ParsedOnlyInWorkers"/>) are read only in a worker process,
/// by the end-to-end build over every hostile file.
/// </summary>
[Collection(ParseWorkerCollection.Name)]
public sealed class HostilePdfTests
{
    [Theory]
    [InlineData("pdf-xref-table-huge-size.pdf", null)]
    [InlineData("pdf-xref-cycle.pdf", null)]
    [InlineData("pdf-self-referencing-prev.pdf", null)]
    [InlineData("pdf-cyclic-page-tree.pdf", null)]
    [InlineData("pdf-page-tree-kids-point-at-root.pdf", null)]
    [InlineData("pdf-cyclic-form-xobject.pdf", null)]
    [InlineData("pdf-self-referencing-resources.pdf", null)]
    [InlineData("pdf-deep-nested-arrays.pdf", null)]
    [InlineData("pdf-deep-nested-dictionaries.pdf", null)]
    [InlineData("pdf-length-shorter-than-stream.pdf", null)]
    [InlineData("pdf-truncated-stream.pdf", PdfRejectReasons.Corrupt)]
    [InlineData("pdf-length-longer-than-stream.pdf", PdfRejectReasons.Corrupt)]
    [InlineData("pdf-length-refers-to-its-own-stream.pdf", PdfRejectReasons.Corrupt)]
    public void A_pdf_with_cyclic_or_lying_structure_gives_its_page_text_or_the_named_reject(string name, string? reason)
    {
        var bytes = HostilePdfs.All.Single(c => c.Name == name).Bytes();

        var result = PdfTextExtractor.Extract(bytes, new PdfOptions());

        if (reason is null)
        {
            result.Reject.Should().BeNull();
            result.Document!.Text.Should().Contain(HostilePdfs.PageText);
        }
        else
        {
            result.Document.Should().BeNull();
            result.Reject!.Reason.Should().Be(reason);
            result.Reject.Detail.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Every_hostile_pdf_is_tested_here_or_left_to_a_worker_process()
    {
        var here = typeof(HostilePdfTests).GetMethod(nameof(A_pdf_with_cyclic_or_lying_structure_gives_its_page_text_or_the_named_reject))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);

        here.Concat(HostilePdfs.ParsedOnlyInWorkers).Should().BeEquivalentTo(HostilePdfs.All.Select(c => c.Name));
    }
}
