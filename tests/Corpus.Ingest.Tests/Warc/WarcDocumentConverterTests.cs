using System.Text;
using Corpus.Core.Documents;
using Corpus.Ingest.Files;
using Corpus.Ingest.Warc;

namespace Corpus.Ingest.Tests.Warc;

public sealed class WarcDocumentConverterTests
{
    private static WarcRecord ResponseRecord(byte[] http)
    {
        using var temp = new TempFolder();
        using (var writer = WarcWriter.Create(new WarcWriterOptions { Directory = temp.Path, Seed = 11 }))
        {
            writer.WriteResponse("http://example.com/page", WarcSamples.Date, http);
        }

        using var stream = File.OpenRead(Path.Combine(temp.Path, "corpus-00000.warc.gz"));
        return WarcReader.Open(stream).Cast<WarcRecord>().Single(r => r.Type == "response");
    }

    [Fact]
    public void An_html_response_becomes_a_warc_document_with_its_metadata()
    {
        var record = ResponseRecord(WarcSamples.Response(WarcSamples.Page(1)));
        var outcome = new WarcDocumentConverter().Convert(record, "crawl-00000.warc.gz");

        var document = outcome.Should().BeOfType<FileReadOutcome.Accepted>().Subject.Document;
        document.SourceKind.Should().Be(SourceKind.Warc);
        document.SourceUri.Should().Be("http://example.com/page");
        document.ContentType.Should().Be("text/html");
        document.Title.Should().Be("Page 1");
        document.Text.Should().Contain("Text of page 1.");
        document.Metadata.Should().Contain("warc_file", "crawl-00000.warc.gz")
            .And.Contain("http_status", "200")
            .And.Contain("warc_date", "2024-05-06T07:08:09Z")
            .And.Contain("warc_record_id", record.RecordId!);
    }

    [Fact]
    public void The_html_extractor_is_pluggable_gets_the_url_and_its_page_metadata_is_kept()
    {
        string? seenUrl = null;
        var converter = new WarcDocumentConverter((html, url) =>
        {
            seenUrl = url;
            return new Corpus.Ingest.Html.ExtractedPage("T", "main content only", "de", "http://example.com/canonical", new DateOnly(2024, 12, 10), null);
        });
        var outcome = converter.Convert(ResponseRecord(WarcSamples.Response(WarcSamples.Page(2))), "f.warc.gz");

        var document = ((FileReadOutcome.Accepted)outcome!).Document;
        document.Text.Should().Be("main content only");
        document.Metadata["html_lang"].Should().Be("de");
        document.Metadata["canonical_url"].Should().Be("http://example.com/canonical");
        document.Metadata["date"].Should().Be("2024-12-10");
        seenUrl.Should().Be("http://example.com/page");
    }

    [Fact]
    public void A_non_200_response_is_rejected_with_http_status()
    {
        var outcome = new WarcDocumentConverter().Convert(ResponseRecord(WarcSamples.Response("gone", status: "404 Not Found")), "f");

        outcome.Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(WarcRejectReasons.HttpStatus);
    }

    [Fact]
    public void A_non_text_response_is_rejected_as_unsupported_content_type()
    {
        var outcome = new WarcDocumentConverter().Convert(ResponseRecord(WarcSamples.Response("GIF89a", "image/gif")), "f");

        outcome.Should().BeOfType<FileReadOutcome.Rejected>().Which.Reason.Should().Be(WarcRejectReasons.UnsupportedContentType);
    }

    [Fact]
    public void Charset_comes_from_the_meta_tag_when_the_header_has_none()
    {
        var html = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9</title></head><body><p>Cr\u00e8me br\u00fbl\u00e9e</p></body></html>");
        byte[] http = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, .. html];
        var outcome = new WarcDocumentConverter().Convert(ResponseRecord(http), "f");

        var document = ((FileReadOutcome.Accepted)outcome!).Document;
        document.Title.Should().Be("Caf\u00e9");
        document.Text.Should().Contain("Cr\u00e8me br\u00fbl\u00e9e");
    }

    [Fact]
    public void Charset_from_the_http_header_decodes_windows_1252()
    {
        byte[] http = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n"u8, 0x93, (byte)'q', 0x94];
        var outcome = new WarcDocumentConverter().Convert(ResponseRecord(http), "f");

        ((FileReadOutcome.Accepted)outcome!).Document.Text.Should().Be("\u201cq\u201d");
    }

    // Found by bench/fuzz/run-sharpfuzz.sh (charset): the runtime names UTF-7 but throws NotSupportedException for it.
    [Theory]
    [InlineData("text/html; charset=utf-7", "<p>caf\u00e9</p>")]
    [InlineData("text/html", "<meta charset=\"utf-7\"><p>caf\u00e9</p>")]
    public void A_utf7_charset_is_an_unknown_label_and_the_page_decodes_as_utf8(string contentType, string html)
    {
        byte[] http = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\n\r\n"), .. Encoding.UTF8.GetBytes(html)];
        var outcome = new WarcDocumentConverter().Convert(ResponseRecord(http), "f");

        ((FileReadOutcome.Accepted)outcome!).Document.Text.Should().Contain("caf\u00e9");
    }

    [Fact]
    public void Wet_conversion_records_become_plain_text_documents_and_other_types_give_nothing()
    {
        var wet = WarcSamples.PlainRecord(
            "WARC-Type: conversion\r\nWARC-Target-URI: http://es.example/\r\nWARC-Identified-Content-Language: spa\r\nContent-Type: text/plain\r\n",
            "Hola mundo.");
        var request = WarcSamples.PlainRecord("WARC-Type: request\r\nContent-Type: application/http;msgtype=request\r\n", WarcSamples.Request());
        var records = WarcSamples.Read([.. wet, .. request]).Cast<WarcRecord>().ToList();
        var converter = new WarcDocumentConverter();

        var document = ((FileReadOutcome.Accepted)converter.Convert(records[0], "x.wet.gz")!).Document;
        document.Text.Should().Be("Hola mundo.");
        document.ContentType.Should().Be("text/plain");
        document.Metadata.Should().Contain("warc_identified_language", "spa").And.NotContainKey("http_status");
        converter.Convert(records[1], "x.wet.gz").Should().BeNull();
    }
}
