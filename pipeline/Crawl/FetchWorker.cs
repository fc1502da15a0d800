using Akka.Actor;
using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// One fetcher of the pool: does one request at a time (the handler awaits it, so the worker takes
/// no other message meanwhile), then finds the page's links (HTML) or URLs (XML sitemaps) and answers
/// the host actor that asked.
/// </summary>
internal sealed class FetchWorker : ReceiveActor
{
    public FetchWorker(PageFetcher fetcher, string userAgent, CancellationToken ct)
    {
        ReceiveAsync<FetchPage>(async m =>
        {
            var replyTo = Sender;
            FetchResult result;
            IReadOnlyList<string> links;
            try
            {
                result = await fetcher.FetchAsync(m.Url, m.CheckHop, ct).ConfigureAwait(false);
                links = LinksOf(result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever goes wrong, the host hears back: a lost answer would stall the crawl.
                result = new FetchResult { RequestedUrl = m.Url, FinalUrl = m.Url, Failure = "fetch-error", FailureDetail = $"{e.GetType().Name}: {e.Message}" };
                links = [];
            }

            replyTo.Tell(new PageFetched(m, result, links));
        });
        ReceiveAsync<FetchRobots>(async m =>
        {
            var replyTo = Sender;
            RobotsTxt robots;
            try
            {
                robots = await RobotsPolicy.FetchAsync(fetcher, m.SiteUrl, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                robots = RobotsTxt.DisallowAll; // as for an unreachable robots.txt (RFC 9309 2.3.1.4)
            }

            replyTo.Tell(new RobotsFetched(robots));
        });
        _ = userAgent;
    }

    public static Props Props(PageFetcher fetcher, string userAgent, CancellationToken ct) =>
        Akka.Actor.Props.Create(() => new FetchWorker(fetcher, userAgent, ct));

    private static IReadOnlyList<string> LinksOf(FetchResult result) =>
        result.Succeeded ? PageLinks.Of(result.Status, result.Header("Content-Type"), result.Body, result.FinalUrl) : [];
}
