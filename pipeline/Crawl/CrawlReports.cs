using Akka.Actor;

namespace Corpus.Pipeline.Crawl;

/// <summary>Sends a URL's outcome to the crawl coordinator, its links in bounded shares first.</summary>
internal static class CrawlReports
{
    /// <summary>Links per message at most.</summary>
    public const int LinksPerMessage = 256;

    /// <summary>Tells <paramref name="coordinator"/> <paramref name="done"/>: <see cref="LinksFound"/> shares, then the <see cref="UrlDone"/> with the last share.</summary>
    public static void Send(IActorRef coordinator, UrlDone done, IActorRef sender)
    {
        var links = done.Links;
        var start = 0;
        while (links.Count - start > LinksPerMessage)
        {
            coordinator.Tell(new LinksFound(done.Url, done.Depth, [.. links.Skip(start).Take(LinksPerMessage)]), sender);
            start += LinksPerMessage;
        }

        coordinator.Tell(start == 0 ? done : done with { Links = [.. links.Skip(start)] }, sender);
    }
}
