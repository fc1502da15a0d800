namespace Corpus.Ingest.Web;

/// <summary>Where a body goes, its media type (from the header, or sniffed), and the reason when skipped.</summary>
public sealed record ContentRoute(ContentKind Kind, string MediaType, string? SkipReason);
