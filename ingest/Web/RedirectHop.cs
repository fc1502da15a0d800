namespace Corpus.Ingest.Web;

/// <summary>One redirect on the way to a fetch's final URL.</summary>
/// <param name="Url">The URL that answered with a redirect.</param>
/// <param name="Status">Its status (301, 302, 303, 307 or 308).</param>
/// <param name="Location">Where it pointed, resolved and normalized (or as sent when unusable).</param>
public sealed record RedirectHop(string Url, int Status, string Location);
