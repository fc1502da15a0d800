using System.Net;
using Corpus.Ingest.Pdf;
using Corpus.Tests.Shared;

namespace Corpus.Ingest.Tests.Pdf;

/// <summary>Scanned pages go through a vision model behind a real OpenAI-compatible server on 127.0.0.1.</summary>
public sealed class VisionTranscriberTests
{
    [Fact]
    public async Task Scanned_pages_are_transcribed_page_by_page_through_the_endpoint()
    {
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer($"Text of scanned page {r.Number}."));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var transcriber = new OpenAiVisionTranscriber(http, new Uri(server.BaseUrl), "qwen2.5-vl");

        var extraction = PdfTextExtractor.Extract(TestPdfs.ImageOnly(pages: 2), new PdfOptions { Transcriber = transcriber });

        extraction.Reject.Should().BeNull();
        extraction.Document!.Text.Should().Contain("Text of scanned page 1.").And.Contain("Text of scanned page 2.");
        var requests = server.Requests.ToList();
        requests.Should().HaveCount(2);
        requests.Should().OnlyContain(r => r.Model == "qwen2.5-vl" && r.UserMessage == OpenAiVisionTranscriber.Instruction && r.Body.Contains("\"image_url\"") && r.Body.Contains("data:image/png;base64,"));
    }

    [Fact]
    public async Task A_failing_endpoint_leaves_the_scan_a_no_text_layer_reject_and_says_why()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply((int)HttpStatusCode.InternalServerError, "{\"error\":\"model not loaded\"}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var transcriber = new OpenAiVisionTranscriber(http, new Uri(server.BaseUrl + "/v1"), "qwen2.5-vl");

        var extraction = PdfTextExtractor.Extract(TestPdfs.ImageOnly(), new PdfOptions { Transcriber = transcriber });

        extraction.Reject.Should().NotBeNull();
        extraction.Reject!.Reason.Should().Be(PdfRejectReasons.NoTextLayer);
        transcriber.LastError.Should().Contain("500").And.Contain("model not loaded").And.Contain("/v1/chat/completions");
    }

    [Fact]
    public void Image_media_types_are_told_from_their_first_bytes()
    {
        OpenAiVisionTranscriber.MediaTypeOf(TestPdfs.GrayPng(2, 2)).Should().Be("image/png");
        OpenAiVisionTranscriber.MediaTypeOf([0xFF, 0xD8, 0xFF, 0xE0]).Should().Be("image/jpeg");
        OpenAiVisionTranscriber.MediaTypeOf([1, 2, 3]).Should().Be("application/octet-stream");
    }
}
