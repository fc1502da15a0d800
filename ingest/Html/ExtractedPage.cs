namespace Corpus.Ingest.Html;

/// <summary>The main content of one HTML page and what the page says about itself.</summary>
/// <param name="Title">From <c>og:title</c>, JSON-LD <c>headline</c>, <c>title</c> or the first <c>h1</c>; null when none.</param>
/// <param name="Text">The main content as plain text with light Markdown (NFC); empty when the page has none.</param>
/// <param name="Language">From <c>&lt;html lang&gt;</c>, else <c>content-language</c> or <c>og:locale</c>; null when none.</param>
/// <param name="CanonicalUrl">From <c>link rel=canonical</c>, else <c>og:url</c>, made absolute against the page URL when given.</param>
/// <param name="Date">The published date from meta tags, JSON-LD or <c>time</c>; null when none is found.</param>
/// <param name="Author">From <c>meta name=author</c> or JSON-LD <c>author</c>; null when none.</param>
public sealed record ExtractedPage(
    string? Title,
    string Text,
    string? Language,
    string? CanonicalUrl,
    DateOnly? Date,
    string? Author);
