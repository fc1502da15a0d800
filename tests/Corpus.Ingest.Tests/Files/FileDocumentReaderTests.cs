using System.Text;
using Corpus.Core.Documents;
using Corpus.Ingest.Files;

namespace Corpus.Ingest.Tests.Files;

public class FileDocumentReaderTests
{
    private static readonly string[] Extensions = [".txt", ".md", ".html"];

    private static FileReadOutcome Read(TempFolder dir, string relative, long maxBytes = 1 << 20) =>
        FileDocumentReader.Read(new InputFile(Path.Combine(dir.Path, relative), relative), Extensions, maxBytes);

    [Fact]
    public void Text_file_becomes_a_document_with_stable_id_and_nfc_text()
    {
        using var dir = new TempFolder();
        dir.Write("a/b.txt", "Cafe\u0301 au lait\n");
        var doc = Read(dir, "a/b.txt").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document;
        doc.Text.Should().Be("Caf\u00e9 au lait\n");
        doc.SourceUri.Should().Be("a/b.txt");
        doc.SourceKind.Should().Be(SourceKind.File);
        doc.ContentType.Should().Be("text/plain");
        doc.Id.Should().Be(DocumentId.Compute("a/b.txt", Encoding.UTF8.GetBytes("Cafe\u0301 au lait\n")));
        doc.Metadata["bytes"].Should().Be("15");
    }

    [Fact]
    public void Markdown_title_is_the_first_heading()
    {
        using var dir = new TempFolder();
        dir.Write("x.md", "\n# Hello world\n\nBody.\n");
        var doc = Read(dir, "x.md").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document;
        doc.Title.Should().Be("Hello world");
        doc.ContentType.Should().Be("text/markdown");
    }

    [Fact]
    public void Html_is_reduced_to_visible_text()
    {
        using var dir = new TempFolder();
        dir.Write("p.html", "<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><p>One <b>two</b></p><p>Three</p></body></html>");
        var doc = Read(dir, "p.html").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document;
        doc.Title.Should().Be("T");
        doc.Text.Should().Be("One two\n\nThree");
    }

    [Fact]
    public void Utf8_bom_is_dropped_and_utf16_with_bom_is_decoded()
    {
        using var dir = new TempFolder();
        dir.Write("bom.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        dir.Write("u16.txt", [0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0]);
        Read(dir, "bom.txt").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document.Text.Should().Be("hi");
        Read(dir, "u16.txt").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document.Text.Should().Be("hi");
    }

    [Fact]
    public void Gzipped_files_are_read_as_the_file_inside_and_corrupt_ones_rejected()
    {
        using var dir = new TempFolder();
        using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(dir.Path, "p.html.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write("<html><head><title>T</title></head><body><p>Inside</p></body></html>"u8);
        }

        dir.Write("bad.txt.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]); // a gzip header, then no valid deflate block
        var doc = Read(dir, "p.html.gz").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document;
        doc.ContentType.Should().Be("text/html");
        doc.Text.Should().Be("Inside");
        Read(dir, "bad.txt.gz").Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.CorruptGzip);
    }

    [Fact]
    public void Html_is_decoded_in_the_charset_its_meta_tag_names()
    {
        using var dir = new TempFolder();
        var latin1 = System.Text.Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\u00e9 cr\u00e8me</p></body></html>");
        dir.Write("old.html", latin1);
        Read(dir, "old.html").Should().BeOfType<FileReadOutcome.Accepted>().Which.Document.Text.Should().Be("caf\u00e9 cr\u00e8me");
    }

    [Fact]
    public void Empty_file_is_rejected_as_empty()
    {
        using var dir = new TempFolder();
        dir.Write("e.txt", []);
        Read(dir, "e.txt").Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.Empty);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_the_offset()
    {
        using var dir = new TempFolder();
        dir.Write("bad.txt", [(byte)'o', (byte)'k', 0xC3, 0x28, (byte)'x']);
        var r = Read(dir, "bad.txt").Should().BeOfType<FileReadOutcome.Rejected>().Which;
        r.Reason.Should().Be(RejectReasons.InvalidUtf8);
        r.Detail.Should().Contain("offset 2");
        r.SourceUri.Should().Be("bad.txt");
    }

    [Fact]
    public void File_over_the_limit_is_rejected_unread()
    {
        using var dir = new TempFolder();
        dir.Write("big.txt", new byte[5000]);
        var r = Read(dir, "big.txt", maxBytes: 4096).Should().BeOfType<FileReadOutcome.Rejected>().Which;
        r.Reason.Should().Be(RejectReasons.TooLarge);
        r.Detail.Should().Contain("5000").And.Contain("4096");
    }

    [Fact]
    public void Dangling_link_is_rejected_as_unreadable()
    {
        using var dir = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.txt"), Path.Combine(dir.Path, "missing-target.txt"));
        var r = Read(dir, "gone.txt").Should().BeOfType<FileReadOutcome.Rejected>().Which;
        r.Reason.Should().Be(RejectReasons.Unreadable);
        r.Detail.Should().Contain("FileNotFound");
    }

    [Fact]
    public async Task Fifo_is_rejected_without_blocking_on_open()
    {
        using var dir = new TempFolder();
        var fifo = Path.Combine(dir.Path, "pipe.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        var outcome = await Task.Run(() => Read(dir, "pipe.txt")).WaitAsync(TimeSpan.FromMinutes(1));
        outcome.Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.Empty);
    }

    [Fact]
    public void Nul_bytes_mark_a_binary_file()
    {
        using var dir = new TempFolder();
        dir.Write("bin.txt", [(byte)'a', 0, (byte)'b']);
        Read(dir, "bin.txt").Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.Binary);
    }

    [Fact]
    public void Whitespace_only_and_unsupported_extensions_are_rejected()
    {
        using var dir = new TempFolder();
        dir.Write("ws.txt", " \n\t\n");
        dir.Write("img.png", [1, 2, 3]);
        Read(dir, "ws.txt").Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.NoText);
        Read(dir, "img.png").Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(RejectReasons.UnsupportedExtension);
    }
}
