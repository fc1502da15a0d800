using Akka.Actor;
using Corpus.Pipeline.Cluster;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Cluster;

public sealed class ClusterMessageSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public static TheoryData<object> Messages() =>
    [
        new RequestWork("127.0.0.1:4054/worker-0"),
        new AssignTask(new PhaseTask("filter", 3, "part-00003"), 2),
        new TaskSucceeded(new PhaseTask("filter", 3, "part-00003"), new TaskSummary(10, 2, 3000, 40000)),
        new TaskAttemptFailed(new PhaseTask("ingest", 0, "part-00000"), 1, "IOException: disk full"),
        new TaskProgressed(new PhaseTask("synth", 0, "part-00000"), 2, "3/8 problems, 26 requests, 205.0 tokens/s, 4/16 in flight (25 % batch), 9 accepted / 3 rejected (75 %)"),
        new StartCrawlSession("c1", new CrawlNodeSettings("/out/warc", "sample", 1 << 30, "CorpusBot/1.0", 10 << 20, 30000, 16, 150, 1, 42)),
        new HostUrl("c1", "http://127.0.0.1:8080", "http://127.0.0.1:8080/a?b=1", 3),
        new CloseNodeWarc("c1"),
        new NodeWarcClosed("c1", ["/out/warc/sample-x-00000.warc.gz"]),
        new NodeWarcFailed("c1", "disk full"),
        new UrlDone("http://h/a", 2, 200, null, ["http://h/b", "http://h/c"]),
        new UrlDone("http://h/x", 1, null, "robots-disallowed", []),
        new LinksFound("http://h/a", 2, ["http://h/d"]),
        new SitemapsFound(["http://h/sitemap.xml"]),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_that_crosses_nodes_comes_back_equal(object message)
    {
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)Sys);
        var bytes = serializer.ToBinary(message);
        var back = serializer.FromBinary(bytes, serializer.Manifest(message));
        back.Should().BeOfType(message.GetType());
        back.Should().BeEquivalentTo(message, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void No_more_work_comes_back_as_the_one_instance()
    {
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)Sys);
        serializer.FromBinary(serializer.ToBinary(NoMoreWork.Instance), serializer.Manifest(NoMoreWork.Instance)).Should().BeSameAs(NoMoreWork.Instance);
    }
}
