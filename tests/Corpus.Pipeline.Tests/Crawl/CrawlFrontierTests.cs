using Corpus.Pipeline.Crawl;

namespace Corpus.Pipeline.Tests.Crawl;

public sealed class CrawlFrontierTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-frontier-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Lower_depth_comes_first_and_order_is_kept_within_a_depth()
    {
        using var frontier = new CrawlFrontier(_dir, 100);
        frontier.TryAdd("http://a/2", 2);
        frontier.TryAdd("http://a/1a", 1);
        frontier.TryAdd("http://a/0", 0);
        frontier.TryAdd("http://a/1b", 1);
        Drain(frontier).Should().Equal(("http://a/0", 0), ("http://a/1a", 1), ("http://a/1b", 1), ("http://a/2", 2));
    }

    [Fact]
    public void A_url_is_queued_once()
    {
        using var frontier = new CrawlFrontier(_dir, 100);
        frontier.TryAdd("http://a/x", 0).Should().BeTrue();
        frontier.TryAdd("http://a/x", 3).Should().BeFalse();
        frontier.MarkSeen("http://a/y");
        frontier.TryAdd("http://a/y", 1).Should().BeFalse();
        frontier.Pending.Should().Be(1);
    }

    [Fact]
    public void Memory_stays_bounded_and_spilled_urls_come_back_in_order()
    {
        using var frontier = new CrawlFrontier(_dir, 10);
        var expected = new List<(string, int)>();
        for (var d = 0; d < 3; d++)
        {
            for (var i = 0; i < 1000; i++)
            {
                frontier.TryAdd($"http://h/{d}/{i}", d);
                frontier.InMemory.Should().BeLessThanOrEqualTo(10);
            }
        }

        for (var d = 0; d < 3; d++)
        {
            for (var i = 0; i < 1000; i++)
            {
                expected.Add(($"http://h/{d}/{i}", d));
            }
        }

        var taken = new List<(string, int)>();
        while (frontier.TryTake(out var e))
        {
            frontier.InMemory.Should().BeLessThanOrEqualTo(10);
            taken.Add((e.Url, e.Depth));
            if (taken.Count == 2500)
            {
                frontier.TryAdd("http://h/late", 1); // a lower depth added while depth 2 drains is taken next
                frontier.TryTake(out var late).Should().BeTrue();
                late.Url.Should().Be("http://h/late");
            }
        }

        taken.Should().Equal(expected);
        Directory.GetFiles(_dir, "*.spill").Should().NotBeEmpty();
    }

    private static List<(string, int)> Drain(CrawlFrontier frontier)
    {
        var list = new List<(string, int)>();
        while (frontier.TryTake(out var e))
        {
            list.Add((e.Url, e.Depth));
        }

        return list;
    }
}
