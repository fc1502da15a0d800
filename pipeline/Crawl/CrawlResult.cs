namespace Corpus.Pipeline.Crawl;

/// <summary>What a crawl did.</summary>
/// <param name="Pages">Responses received (any status) and stored in WARC.</param>
/// <param name="Failures">URLs not stored, by reason (robots-disallowed, timeout, redirect-loop, ...).</param>
/// <param name="WarcFiles">The WARC files written, full paths, in order.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record CrawlResult(long Pages, IReadOnlyDictionary<string, long> Failures, IReadOnlyList<string> WarcFiles, TimeSpan Elapsed);
