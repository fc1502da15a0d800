using Akka.Actor;
using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>Crawls from seeds into WARC files on an actor system.</summary>
public static class Crawler
{
    /// <summary>
    /// Runs a crawl to the end (or until <paramref name="ct"/> is cancelled, which ends it early but cleanly) on
    /// an actor system of its own, which it shuts down when the crawl ends.
    /// </summary>
    public static async Task<CrawlResult> RunAsync(CrawlOptions options, ICrawlObserver? observer = null, CancellationToken ct = default)
    {
        using var system = ActorSystem.Create("corpus-crawl", "akka { loglevel = WARNING, stdout-loglevel = WARNING, log-dead-letters = off }");
        try
        {
            return await RunAsync(system, options, observer, ct).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a crawl to the end (or until <paramref name="ct"/> is cancelled) on <paramref name="system"/>.</summary>
    internal static Task<CrawlResult> RunAsync(ActorSystem system, CrawlOptions options, ICrawlObserver? observer = null, CancellationToken ct = default) =>
        RunAsync(system, options, null, observer, ct);

    /// <summary>
    /// Runs a crawl whose hosts live on the crawl nodes <paramref name="nodes"/> (cluster mode:
    /// each worker node's <see cref="CrawlNodeActor"/>); this process keeps the frontier. Null or
    /// empty: everything runs here.
    /// </summary>
    internal static async Task<CrawlResult> RunAsync(ActorSystem system, CrawlOptions options, IReadOnlyList<IActorRef>? nodes, ICrawlObserver? observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seeds.Count == 0)
        {
            throw new ArgumentException("a crawl needs at least one seed URL", nameof(options));
        }

        foreach (var pattern in options.Include.Concat(options.Exclude))
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"URL pattern '{pattern}' is not a valid regular expression: {e.Message}", nameof(options), e);
            }
        }

        Directory.CreateDirectory(options.WarcDirectory);
        using var fetcher = new PageFetcher(new PageFetcherOptions
        {
            UserAgent = options.UserAgent,
            MaxBodyBytes = options.MaxBodyBytes,
            TotalTimeout = options.RequestTimeout,
        });
        var promise = new TaskCompletionSource<CrawlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(CrawlCoordinator.Props(options, fetcher, promise, observer, ct, nodes), "crawl-" + Guid.NewGuid().ToString("N")[..8]);
        return await promise.Task.ConfigureAwait(false);
    }
}
