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
/// In cluster mode the hosts live on worker nodes instead (<see cref="CrawlNodeActor"/>): each
/// host is given to one node when first seen (the node holding fewest hosts), every URL of the
/// host goes there, and each node writes its own WARC files. A node that is lost has its hosts and
/// their URLs in flight handed to the others.
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
    private readonly IReadOnlyList<IActorRef> _nodes;
    private readonly string _crawlId = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, IActorRef> _siteNode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, int>> _siteInFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<IActorRef> _liveNodes = [];
    private readonly HashSet<IActorRef> _nodesClosing = [];
    private int _inFlight;
    private long _dispatched;
    private long _pages;
    private bool _finishing;

    public CrawlCoordinator(CrawlOptions options, PageFetcher fetcher, TaskCompletionSource<CrawlResult> promise, ICrawlObserver? observer, CancellationToken ct, IReadOnlyList<IActorRef>? nodes = null)
    {
        _nodes = nodes ?? [];
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
        Receive<LinksFound>(m =>
        {
            if (m.Depth < _options.MaxDepth && (_nodes.Count == 0 || (_siteInFlight.TryGetValue(SiteOf(m.Url), out var held) && held.ContainsKey(m.Url))))
            {
                foreach (var link in m.Links)
                {
                    Admit(link, m.Depth + 1);
                }
            }
        });
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
        Receive<NodeWarcClosed>(m =>
        {
            // The node's crawl session answers, not the node's actor: match them by address.
            _nodesClosing.RemoveWhere(n => n.Path.Address.Equals(Sender.Path.Address));
            CompleteIfClosed();
        });
        Receive<NodeWarcFailed>(m =>
        {
            _promise.TrySetException(new IOException($"crawl node {Sender.Path.Address}: {m.Reason}"));
            Context.Stop(Self);
        });
        Receive<Terminated>(m => NodeLost(m.ActorRef));
        Receive<WarcClosed>(_ => Complete());
    }

    private void Complete()
    {
        {
            var files = Directory.GetFiles(_options.WarcDirectory, _options.WarcPrefix + "-*.warc*")
                .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            _promise.TrySetResult(new CrawlResult(_pages, new SortedDictionary<string, long>(_failures, StringComparer.Ordinal), files, _clock.Elapsed));
            Context.Stop(Self);
        }
    }

    private void CompleteIfClosed()
    {
        if (_finishing && _nodesClosing.Count == 0)
        {
            Complete();
        }
    }

    public static Props Props(CrawlOptions options, PageFetcher fetcher, TaskCompletionSource<CrawlResult> promise, ICrawlObserver? observer, CancellationToken ct, IReadOnlyList<IActorRef>? nodes = null) =>
        Akka.Actor.Props.Create(() => new CrawlCoordinator(options, fetcher, promise, observer, ct, nodes));

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

        if (_nodes.Count > 0)
        {
            var settings = new CrawlNodeSettings(
                _options.WarcDirectory,
                _options.WarcPrefix,
                _options.WarcFileBytes,
                _options.UserAgent,
                _options.MaxBodyBytes,
                (int)_options.RequestTimeout.TotalMilliseconds,
                _options.Fetchers,
                (int)_options.Politeness.TotalMilliseconds,
                _options.MaxConnectionsPerHost,
                _options.Seed);
            foreach (var node in _nodes)
            {
                Context.Watch(node);
                _liveNodes.Add(node);
                node.Tell(new StartCrawlSession(_crawlId, settings));
            }
        }
        else
        {
            StartLocalFetching(recovery);
        }

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

    private void StartLocalFetching(CrawlJournal.Recovery? recovery)
    {
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
        if (_nodes.Count > 0 && !(_siteInFlight.TryGetValue(SiteOf(m.Url), out var held) && held.Remove(m.Url)))
        {
            return; // a lost node's late answer for a URL handed on to another node
        }

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
            var site = SiteOf(entry.Url);
            _inFlight++;
            _dispatched++;
            if (_nodes.Count > 0)
            {
                SendToNode(site, entry.Url, entry.Depth);
                continue;
            }

            if (!_hosts.TryGetValue(site, out var host))
            {
                host = Context.ActorOf(
                    HostActor.Props(site, _fetchers, _warc, Self, _options.Politeness, _options.MaxConnectionsPerHost, _options.UserAgent),
                    $"host-{_hosts.Count}");
                _hosts.Add(site, host);
            }

            host.Tell(new CrawlUrl(entry.Url, entry.Depth));
        }

        if (_inFlight == 0 && !_finishing && (_frontier.Pending == 0 || _dispatched >= _options.MaxPages || _ct.IsCancellationRequested))
        {
            _finishing = true;
            if (_nodes.Count == 0)
            {
                _warc.Tell(CloseWarc.Instance);
                return;
            }

            foreach (var node in _liveNodes)
            {
                _nodesClosing.Add(node);
                node.Tell(new CloseNodeWarc(_crawlId));
            }

            CompleteIfClosed();
        }
    }

    private static string SiteOf(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);

    /// <summary>Sends a URL to the node that owns its host, giving the host to the node with fewest hosts when it is new.</summary>
    private void SendToNode(string site, string url, int depth)
    {
        if (!_siteNode.TryGetValue(site, out var node))
        {
            node = _liveNodes
                .OrderBy(n => _siteNode.Values.Count(v => v.Equals(n)))
                .ThenBy(n => n.Path.ToString(), StringComparer.Ordinal)
                .First();
            _siteNode[site] = node;
        }

        if (!_siteInFlight.TryGetValue(site, out var held))
        {
            held = new Dictionary<string, int>(StringComparer.Ordinal);
            _siteInFlight[site] = held;
        }

        held[url] = depth;
        node.Tell(new HostUrl(_crawlId, site, url, depth));
    }

    /// <summary>A crawl node left: its hosts go to the others with the URLs it had not answered.</summary>
    private void NodeLost(IActorRef node)
    {
        if (!_liveNodes.Remove(node))
        {
            return;
        }

        _nodesClosing.Remove(node);
        if (_liveNodes.Count == 0)
        {
            _promise.TrySetException(new IOException("every crawl node was lost; run the build again to resume the crawl"));
            Context.Stop(Self);
            return;
        }

        foreach (var site in _siteNode.Where(s => s.Value.Equals(node)).Select(s => s.Key).ToList())
        {
            _siteNode.Remove(site);
            foreach (var (url, depth) in _siteInFlight[site].ToList())
            {
                SendToNode(site, url, depth);
            }
        }

        CompleteIfClosed();
    }

    private void Count(string reason) => _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
}
