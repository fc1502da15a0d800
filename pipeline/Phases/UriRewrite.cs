namespace Corpus.Pipeline.Phases;

/// <summary>Renames URIs that start with <paramref name="From"/> to start with <paramref name="To"/> instead (the sample build names its crawl's local origin this way).</summary>
internal sealed record UriRewrite(string From, string To)
{
    public string Apply(string uri) => uri.StartsWith(From, StringComparison.Ordinal) ? To + uri[From.Length..] : uri;
}
