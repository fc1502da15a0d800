namespace Corpus.Ingest.Web;

/// <summary>What a page says about crawling on from it.</summary>
/// <param name="Links">Followable links: absolute, normalized, deduplicated, in page order; empty when the page is <c>nofollow</c>.</param>
/// <param name="Canonical">The <c>&lt;link rel=canonical&gt;</c> URL, normalized; null when absent or unusable.</param>
/// <param name="BaseUrl">The URL relative links were resolved against (<c>&lt;base href&gt;</c> or the page URL).</param>
/// <param name="NoIndex">The page's robots meta says <c>noindex</c> (or <c>none</c>): its text should not be kept.</param>
/// <param name="NoFollow">The page's robots meta says <c>nofollow</c> (or <c>none</c>): no link was taken.</param>
public sealed record PageLinks(IReadOnlyList<string> Links, string? Canonical, string BaseUrl, bool NoIndex, bool NoFollow);
