using System.Diagnostics;
using Akka.Actor;
using Akka.Routing;
using Corpus.Ingest.Warc;
using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// Runs a crawl: owns the frontier and the scope, starts one <see cref="HostActor"/> per host, the
/// fetcher pool and the WARC sink as children, hands URLs to hosts while fewer than a bound are in
/// flight, and admits the links that come back. When nothing is pending or in flight (or the page
/// budget is spent and the last answers are in), it closes the WARC and completes the crawl.
/// </summary>
internal sealed class CrawlCoordinator : ReceiveActor
{
    private readonly CrawlOptions _options;
    private readonly CrawlFrontier _frontier;
    private readonly CrawlScope _scope;
    private readonly TrapGuard _traps = new();
    private readonly Dictionary<string, IActorRef> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<CrawlResult> _promise;
    private readonly ICrawlObserver? _observer;
    private readonly PageFetcher _fetcher;
    private readonly CancellationToken _ct;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _maxInFlight;
    private CrawlJournal? _journal;
    private IActorRef _fetchers = ActorRefs.Nobody;
    private IActorRef _warc = ActorRefs.Nobody;
    private int _inFlight;
    private long _dispatched;
    private long _pages;
    private bool _finishing;

    public CrawlCoordinator(CrawlOptions options, PageFetcher fetcher, TaskCompletionSource<CrawlResult> promise, ICrawlObserver? observer, CancellationToken ct)
    {
        _options = options;
        _fetcher = fetcher;
        _promise = promise;
        _observer = observer;
        _ct = ct;
        _maxInFlight = Math.Max(4, options.Fetchers * 2);
        _frontier = new CrawlFrontier(Path.Combine(options.WarcDirectory, ".frontier"), options.FrontierMemory);
        var hosts = options.AllowedHosts.Count > 0
            ? options.AllowedHosts
            : options.Seeds.Select(s => Uri.TryCreate(s, UriKind.Absolute, out var u) ? u.Host : s).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _scope = new CrawlScope(new CrawlScopeOptions
        {
            AllowedHosts = hosts,
            MaxDepth = options.MaxDepth,
            Include = options.Include,
            Exclude = options.Exclude,
            MaxPages = long.MaxValue,
        });

        Receive<UrlDone>(OnUrlDone);
        Receive<SitemapsFound>(m =>
        {
            foreach (var url in m.Urls)
            {
                Admit(url, 1);
            }

            Dispatch();
        });
        Receive<WarcFailed>(m =>
        {
            _promise.TrySetException(new IOException(m.Reason));
            Context.Stop(Self);
        });
        Receive<WarcClosed>(_ =>
        {
            var files = Directory.GetFiles(_options.WarcDirectory, _options.WarcPrefix + "-*.warc*")
                .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            _promise.TrySetResult(new CrawlResult(_pages, new SortedDictionary<string, long>(_failures, StringComparer.Ordinal), files, _clock.Elapsed));
            Context.Stop(Self);
        });
    }

    public static Props Props(CrawlOptions options, PageFetcher fetcher, TaskCompletionSource<CrawlResult> promise, ICrawlObserver? observer, CancellationToken ct) =>
        Akka.Actor.Props.Create(() => new CrawlCoordinator(options, fetcher, promise, observer, ct));

    protected override void PreStart()
    {
        if (!_options.Resume && Directory.Exists(CrawlJournal.DirectoryOf(_options.WarcDirectory)))
        {
            Directory.Delete(CrawlJournal.DirectoryOf(_options.WarcDirectory), recursive: true);
        }

        var recovery = _options.Resume ? CrawlJournal.Recover(_options.WarcDirectory, _options.WarcPrefix) : null;
        _journal = CrawlJournal.Open(_options.WarcDirectory);
        if (recovery is not null)
        {
            foreach (var url in recovery.Finished)
            {
                _frontier.MarkSeen(url);
            }

            foreach (var (url, depth) in recovery.Pending)
            {
                _frontier.TryAdd(url, depth);
            }

            _pages = recovery.Pages;
            _dispatched = recovery.Finished.Count;
        }

        _fetchers = Context.ActorOf(
            FetchWorker.Props(_fetcher, _options.UserAgent, _ct).WithRouter(new SmallestMailboxPool(Math.Max(1, _options.Fetchers))),
            "fetchers");
        _warc = Context.ActorOf(
            WarcSink.Props(new WarcWriterOptions
            {
                Directory = _options.WarcDirectory,
                Prefix = _options.WarcPrefix,
                MaxFileBytes = _options.WarcFileBytes,
                Seed = _options.Seed,
                FirstFileIndex = recovery?.NextWarcIndex ?? 0,
            }),
            "warc");
        foreach (var seed in _options.Seeds)
        {
            if (!Admit(seed, 0))
            {
                Count("seed-refused");
            }
        }

        // Links of pages fetched before a kill: admitted again in case the kill came before they were.
        foreach (var (url, depth) in recovery?.Rediscovered ?? [])
        {
            if (depth <= _options.MaxDepth)
            {
                Admit(url, depth);
            }
        }

        Dispatch();
    }

    protected override void PostStop()
    {
        _journal?.Dispose();
        _frontier.Dispose();
        try
        {
            Directory.Delete(Path.Combine(_options.WarcDirectory, ".frontier"), recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private bool Admit(string url, int depth)
    {
        var normalized = UrlNormalizer.Normalize(url);
        if (!normalized.IsValid)
        {
            return false;
        }

        var u = normalized.Url!;
        if (!_scope.Check(u, depth).Allowed || !_traps.Check(u).Allowed)
        {
            return false;
        }

        if (!_frontier.TryAdd(u, depth))
        {
            return false;
        }

        _journal?.Admitted(u, depth);
        return true;
    }

    private void OnUrlDone(UrlDone m)
    {
        _inFlight--;
        if (m.Status is not null)
        {
            _pages++;
        }
        else
        {
            _journal?.EndedWithoutRecord(m.Url);
        }

        if (m.Failure is not null)
        {
            Count(m.Failure);
        }

        if (m.Depth < _options.MaxDepth)
        {
            foreach (var link in m.Links)
            {
                Admit(link, m.Depth + 1);
            }
        }

        _observer?.UrlFinished(m.Url, m.Status, m.Failure, _pages, _frontier.Pending, _inFlight);
        Dispatch();
    }

    private void Dispatch()
    {
        while (!_ct.IsCancellationRequested && _inFlight < _maxInFlight && _dispatched < _options.MaxPages && _frontier.TryTake(out var entry))
        {
            var uri = new Uri(entry.Url);
            var site = uri.GetLeftPart(UriPartial.Authority);
            if (!_hosts.TryGetValue(site, out var host))
            {
                host = Context.ActorOf(
                    HostActor.Props(site, _fetchers, _warc, Self, _options.Politeness, _options.MaxConnectionsPerHost, _options.UserAgent),
                    $"host-{_hosts.Count}");
                _hosts.Add(site, host);
            }

            _inFlight++;
            _dispatched++;
            host.Tell(new CrawlUrl(entry.Url, entry.Depth));
        }

        if (_inFlight == 0 && !_finishing && (_frontier.Pending == 0 || _dispatched >= _options.MaxPages || _ct.IsCancellationRequested))
        {
            _finishing = true;
            _warc.Tell(CloseWarc.Instance);
        }
    }

    private void Count(string reason) => _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
}
