using Akka.Actor;

namespace Corpus.Pipeline.Crawl;

/// <summary>
/// A worker node's part in a cluster crawl, at <c>/user/crawl-node</c>: for each crawl the
/// coordinator starts here, a <see cref="CrawlNodeSession"/> holds the hosts this node owns, its
/// own fetcher pool and its own WARC writer. The coordinator sends each host's URLs to the one node
/// that owns the host, so politeness holds across the cluster.
/// </summary>
internal sealed class CrawlNodeActor : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c> on every worker node.</summary>
    public const string Name = "crawl-node";

    private readonly Dictionary<string, IActorRef> _sessions = new(StringComparer.Ordinal);

    public CrawlNodeActor(string nodeTag, CancellationToken ct)
    {
        Receive<StartCrawlSession>(m =>
        {
            if (!_sessions.ContainsKey(m.CrawlId))
            {
                var session = Context.ActorOf(CrawlNodeSession.Props(m, nodeTag, Sender, ct), "session-" + _sessions.Count);
                _sessions[m.CrawlId] = session;
                Context.Watch(session);
            }
        });
        Receive<HostUrl>(m => Forward(m.CrawlId, m));
        Receive<CloseNodeWarc>(m =>
        {
            if (!Forward(m.CrawlId, m))
            {
                Sender.Tell(new NodeWarcClosed(m.CrawlId, [])); // never started here: nothing written
            }
        });
        Receive<Terminated>(m =>
        {
            foreach (var id in _sessions.Where(s => s.Value.Equals(m.ActorRef)).Select(s => s.Key).ToList())
            {
                _sessions.Remove(id);
            }
        });
    }

    public static Props Props(string nodeTag, CancellationToken ct) => Akka.Actor.Props.Create(() => new CrawlNodeActor(nodeTag, ct));

    private bool Forward(string crawlId, object message)
    {
        if (!_sessions.TryGetValue(crawlId, out var session))
        {
            return false;
        }

        session.Forward(message);
        return true;
    }
}
