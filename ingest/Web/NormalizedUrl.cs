namespace Corpus.Ingest.Web;

/// <summary>The outcome of normalizing or resolving a URL: the canonical absolute URL, or why it was refused.</summary>
/// <param name="Url">The normalized absolute http(s) URL; null when refused.</param>
/// <param name="Refusal">A short kebab-case reason (<c>unsupported-scheme</c>, <c>not-absolute</c>, <c>invalid-host</c>, <c>invalid-port</c>, <c>empty</c>); null when accepted.</param>
public sealed record NormalizedUrl(string? Url, string? Refusal)
{
    /// <summary>True when <see cref="Url"/> holds a normalized URL.</summary>
    public bool IsValid => Url is not null;

    internal static NormalizedUrl Refused(string reason) => new(null, reason);
}
