using Akka.Actor;
using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// One actor per host, so politeness holds per host: it fetches the host's robots.txt first (4xx
/// allows all, 5xx or unreachable disallows all), never asks for a disallowed URL, starts a request
/// at least the politeness delay (or robots' Crawl-delay, if longer) after the start and after the
/// end of the one before, and keeps at most
/// <c>maxConnections</c> open. Fetches go through the shared fetcher pool; responses go to the
/// WARC sink; every URL ends with a <see cref="UrlDone"/> to the coordinator.
/// </summary>
internal sealed class HostActor : ReceiveActor, IWithTimers
{
    private readonly Queue<CrawlUrl> _queue = new();
    private readonly string _siteUrl;
    private readonly IActorRef _fetchers;
    private readonly IActorRef _warc;
    private readonly IActorRef _coordinator;
    private readonly TimeSpan _politeness;
    private readonly int _maxConnections;
    private readonly string _userAgent;
    private RobotsRules? _rules;
    private TimeSpan _delay;
    private DateTime _nextStart = DateTime.MinValue;
    private int _active;
    private bool _robotsRequested;

    public HostActor(string siteUrl, IActorRef fetchers, IActorRef warc, IActorRef coordinator, TimeSpan politeness, int maxConnections, string userAgent)
    {
        _siteUrl = siteUrl;
        _fetchers = fetchers;
        _warc = warc;
        _coordinator = coordinator;
        _politeness = politeness;
        _delay = politeness;
        _maxConnections = Math.Max(1, maxConnections);
        _userAgent = userAgent;

        Receive<CrawlUrl>(m =>
        {
            _queue.Enqueue(m);
            if (!_robotsRequested)
            {
                _robotsRequested = true;
                _fetchers.Tell(new FetchRobots(_siteUrl));
            }

            Pump();
        });
        Receive<RobotsFetched>(m =>
        {
            _rules = m.Robots.RulesFor(_userAgent);
            _nextStart = DateTime.UtcNow + _delay; // robots.txt was a request to the host too
            if (_rules.CrawlDelay is { } crawlDelay && crawlDelay > _delay)
            {
                _delay = crawlDelay > TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(60) : crawlDelay;
            }

            if (m.Robots.Sitemaps.Count > 0)
            {
                _coordinator.Tell(new SitemapsFound(m.Robots.Sitemaps));
            }

            Pump();
        });
        Receive<PageFetched>(m =>
        {
            _active--;
            var after = DateTime.UtcNow + _delay;
            if (after > _nextStart)
            {
                _nextStart = after; // the delay also runs from the end of a request: the host sees it whatever the network's jitter
            }

            var r = m.Result;
            var links = m.Links;
            var failure = r.Failure;
            if (failure == CrawlFailures.Redirect)
            {
                links = r.Redirects.Count > 0 ? [r.Redirects[^1].Location] : [];
                failure = null;
            }

            var stored = r.Status > 0 && !r.RawResponseHeaders.IsEmpty;
            var done = new UrlDone(m.Request.Url, m.Request.Depth, stored ? r.Status : null, failure, links);
            if (stored)
            {
                _warc.Tell(new StoreExchange(r, done, _coordinator));
            }
            else
            {
                CrawlReports.Send(_coordinator, done, Self);
            }
            Pump();
        });
        Receive<Tick>(_ => Pump());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string siteUrl, IActorRef fetchers, IActorRef warc, IActorRef coordinator, TimeSpan politeness, int maxConnections, string userAgent) =>
        Akka.Actor.Props.Create(() => new HostActor(siteUrl, fetchers, warc, coordinator, politeness, maxConnections, userAgent));

    private void Pump()
    {
        if (_rules is null)
        {
            return; // robots.txt first
        }

        while (_queue.Count > 0 && _active < _maxConnections)
        {
            var now = DateTime.UtcNow;
            if (now < _nextStart)
            {
                Timers.StartSingleTimer(Tick.Instance, Tick.Instance, _nextStart - now);
                return;
            }

            var next = _queue.Dequeue();
            if (!_rules.IsAllowed(next.Url))
            {
                _coordinator.Tell(new UrlDone(next.Url, next.Depth, null, FetchFailures.RobotsDisallowed, []));
                continue;
            }

            _active++;
            _nextStart = now + _delay;
            _fetchers.Tell(new FetchPage(next.Url, next.Depth, RedirectsToFrontier), Self);
        }
    }

    /// <summary>
    /// Redirects are not followed inline: the 3xx response is stored as it is and its target goes
    /// back to the frontier as a link, where URL dedup, scope, robots and politeness apply to it like
    /// to any other URL (so a redirect loop ends when the frontier sees a URL again).
    /// </summary>
    private static ValueTask<string?> RedirectsToFrontier(string target, CancellationToken ct) => ValueTask.FromResult<string?>(CrawlFailures.Redirect);

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
