namespace Corpus.Pipeline.Crawl;

/// <summary>Hears a crawl's progress.</summary>
public interface ICrawlObserver
{
    /// <summary>A URL is finished: <paramref name="status"/> is the HTTP status, or null with <paramref name="failure"/> set.</summary>
    void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight);
}
