namespace Corpus.Ingest.Web;

/// <summary>
/// Routes a fetched body by its <c>Content-Type</c>: HTML and XHTML, PDF, plain text; anything
/// else is skipped (<c>unsupported-type</c>). With no type, or the meaningless
/// <c>application/octet-stream</c>, the body is sniffed: <c>%PDF-</c> is PDF, a leading
/// <c>&lt;!doctype html</c>, <c>&lt;html</c>, <c>&lt;head</c> or <c>&lt;body</c> is HTML, otherwise
/// skipped (<c>unknown-type</c>). An empty body is skipped (<c>empty</c>).
/// </summary>
public static class ContentRouter
{
    private static readonly string[] HtmlStarts = ["<!doctype html", "<html", "<head", "<body", "<!--"];

    /// <summary>The route of <paramref name="body"/> served as <paramref name="contentType"/> (may be null).</summary>
    public static ContentRoute Route(string? contentType, ReadOnlySpan<byte> body)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (body.IsEmpty)
        {
            return new ContentRoute(ContentKind.Skip, mediaType, "empty");
        }

        switch (mediaType)
        {
            case "text/html" or "application/xhtml+xml":
                return new ContentRoute(ContentKind.Html, mediaType, null);
            case "application/pdf" or "application/x-pdf":
                return new ContentRoute(ContentKind.Pdf, mediaType, null);
            case "text/plain":
                return body.StartsWith("%PDF-"u8) ? new ContentRoute(ContentKind.Pdf, "application/pdf", null) : new ContentRoute(ContentKind.Text, mediaType, null);
            case "" or "application/octet-stream" or "application/unknown" or "unknown/unknown":
                return Sniff(body);
            default:
                return new ContentRoute(ContentKind.Skip, mediaType, "unsupported-type");
        }
    }

    private static ContentRoute Sniff(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("%PDF-"u8))
        {
            return new ContentRoute(ContentKind.Pdf, "application/pdf", null);
        }

        var head = body[..Math.Min(body.Length, 512)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var text = System.Text.Encoding.Latin1.GetString(head).TrimStart().ToLowerInvariant();
        return HtmlStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal))
            ? new ContentRoute(ContentKind.Html, "text/html", null)
            : new ContentRoute(ContentKind.Skip, string.Empty, "unknown-type");
    }
}
