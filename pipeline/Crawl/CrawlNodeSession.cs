using Akka.Actor;
using Akka.Routing;
using Corpus.Ingest.Warc;
using Corpus.Ingest.Web;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// One crawl on one worker node: host actors for the hosts the coordinator gave this node, a
/// fetcher pool and a WARC writer of the node's own (<c>{prefix}-{node}-NNNNN.warc.gz</c>, record ids
/// seeded apart from other nodes'). Host actors report each URL straight to the coordinator.
/// </summary>
internal sealed class CrawlNodeSession : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly CrawlNodeSettings _settings;
    private readonly IActorRef _coordinator;
    private readonly string _crawlId;
    private readonly PageFetcher _fetcher;
    private readonly IActorRef _fetchers;
    private readonly IActorRef _warc;

    public CrawlNodeSession(StartCrawlSession start, string nodeTag, IActorRef coordinator, CancellationToken ct)
    {
        _settings = start.Settings;
        _crawlId = start.CrawlId;
        _coordinator = coordinator;
        Directory.CreateDirectory(_settings.WarcDirectory);
        _fetcher = new PageFetcher(new PageFetcherOptions
        {
            UserAgent = _settings.UserAgent,
            MaxBodyBytes = _settings.MaxBodyBytes,
            TotalTimeout = TimeSpan.FromMilliseconds(_settings.RequestTimeoutMs),
        });
        _fetchers = Context.ActorOf(
            FetchWorker.Props(_fetcher, _settings.UserAgent, ct).WithRouter(new SmallestMailboxPool(Math.Max(1, _settings.Fetchers))),
            "fetchers");
        var prefix = $"{_settings.WarcPrefix}-{nodeTag}";
        _warc = Context.ActorOf(
            WarcSink.Props(new WarcWriterOptions
            {
                Directory = _settings.WarcDirectory,
                Prefix = prefix,
                MaxFileBytes = _settings.WarcFileBytes,
                Seed = _settings.Seed is { } seed ? seed ^ StableHash(nodeTag) : null,
                FirstFileIndex = NextFileIndex(_settings.WarcDirectory, prefix),
            }),
            "warc");

        Receive<HostUrl>(m =>
        {
            if (!_hosts.TryGetValue(m.Site, out var host))
            {
                host = Context.ActorOf(
                    HostActor.Props(m.Site, _fetchers, _warc, _coordinator, TimeSpan.FromMilliseconds(_settings.PolitenessMs), _settings.MaxConnectionsPerHost, _settings.UserAgent),
                    $"host-{_hosts.Count}");
                _hosts.Add(m.Site, host);
            }

            host.Tell(new CrawlUrl(m.Url, m.Depth));
        });
        Receive<CloseNodeWarc>(_ => _warc.Tell(CloseWarc.Instance));
        Receive<WarcClosed>(m =>
        {
            _coordinator.Tell(new NodeWarcClosed(_crawlId, m.Files));
            Context.Stop(Self);
        });
        Receive<WarcFailed>(m => _coordinator.Tell(new NodeWarcFailed(_crawlId, m.Reason)));
    }

    public static Props Props(StartCrawlSession start, string nodeTag, IActorRef coordinator, CancellationToken ct) =>
        Akka.Actor.Props.Create(() => new CrawlNodeSession(start, nodeTag, coordinator, ct));

    protected override void PostStop() => _fetcher.Dispose();

    /// <summary>The first free file index for <paramref name="prefix"/>, so a resumed crawl never overwrites a node's earlier files.</summary>
    private static int NextFileIndex(string directory, string prefix)
    {
        var next = 0;
        foreach (var f in Directory.EnumerateFiles(directory, prefix + "-*.warc*"))
        {
            var name = Path.GetFileName(f)[(prefix.Length + 1)..];
            var digits = name.Split('.')[0];
            if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i))
            {
                next = Math.Max(next, i + 1);
            }
        }

        return next;
    }

    private static long StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt64(hash, 0);
    }
}
