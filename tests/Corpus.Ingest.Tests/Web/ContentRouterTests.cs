using System.Text;
using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class ContentRouterTests
{
    [Theory]
    [InlineData("text/html; charset=utf-8", "<p>x</p>", ContentKind.Html)]
    [InlineData("application/xhtml+xml", "<html/>", ContentKind.Html)]
    [InlineData("application/pdf", "%PDF-1.7", ContentKind.Pdf)]
    [InlineData("TEXT/PLAIN", "hello", ContentKind.Text)]
    [InlineData(null, "%PDF-1.4\n...", ContentKind.Pdf)]
    [InlineData(null, "  <!DOCTYPE html><html>", ContentKind.Html)]
    [InlineData("application/octet-stream", "<html><body>", ContentKind.Html)]
    [InlineData("application/octet-stream", "%PDF-1.4", ContentKind.Pdf)]
    [InlineData("text/plain", "%PDF-1.4", ContentKind.Pdf)]
    public void Bodies_are_routed_by_type_and_sniffed_when_untyped(string? contentType, string body, ContentKind kind) =>
        ContentRouter.Route(contentType, Encoding.UTF8.GetBytes(body)).Kind.Should().Be(kind);

    [Theory]
    [InlineData("image/png", "\x89PNG", "unsupported-type")]
    [InlineData("application/zip", "PK", "unsupported-type")]
    [InlineData(null, "\x00\x01binary", "unknown-type")]
    [InlineData("text/html", "", "empty")]
    public void Other_bodies_are_skipped_with_a_reason(string? contentType, string body, string reason)
    {
        var route = ContentRouter.Route(contentType, Encoding.Latin1.GetBytes(body));
        route.Kind.Should().Be(ContentKind.Skip);
        route.SkipReason.Should().Be(reason);
    }
}
