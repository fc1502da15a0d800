using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class TrapGuardTests
{
    [Fact]
    public void Overlong_urls_are_refused()
    {
        var guard = new TrapGuard(new TrapGuardOptions { MaxUrlLength = 100 });
        guard.Check("https://e.com/" + new string('a', 80)).Allowed.Should().BeTrue();
        guard.Check("https://e.com/" + new string('a', 90)).Reason.Should().Be("url-too-long");
    }

    [Theory]
    [InlineData("https://e.com/a/b/a/b/a/b", "repeating-path")]
    [InlineData("https://e.com/x/a/b/c/a/b/c/a/b/c/y", "repeating-path")]
    [InlineData("https://e.com/a/a/a", "repeating-path")]
    [InlineData("https://e.com/x/a/y/a/z/a/w/a", "segment-repeated")]
    public void Repeating_paths_are_refused(string url, string reason) =>
        new TrapGuard().Check(url).Reason.Should().Be(reason);

    [Theory]
    [InlineData("https://e.com/a/b/a/b")]
    [InlineData("https://e.com/a/a/b")]
    [InlineData("https://e.com/2024/01/01/post")]
    [InlineData("https://e.com/")]
    public void Ordinary_paths_pass(string url) =>
        new TrapGuard().Check(url).Allowed.Should().BeTrue();

    [Fact]
    public void Too_many_query_parameters_are_refused()
    {
        var guard = new TrapGuard(new TrapGuardOptions { MaxQueryParameters = 3 });
        guard.Check("https://e.com/p?a=1&b=2&c=3").Allowed.Should().BeTrue();
        guard.Check("https://e.com/p?a=1&b=2&c=3&d=4").Reason.Should().Be("too-many-query-params");
    }

    [Fact]
    public void Distinct_queries_on_one_path_are_capped()
    {
        var guard = new TrapGuard(new TrapGuardOptions { MaxQueryVariantsPerPath = 5 });
        for (var i = 0; i < 5; i++)
        {
            guard.Check($"https://e.com/calendar?day={i}").Allowed.Should().BeTrue();
        }

        guard.Check("https://e.com/calendar?day=99").Reason.Should().Be("query-explosion");
        guard.Check("https://e.com/calendar?day=3").Allowed.Should().BeTrue("a query already counted is not a new variant");
        guard.Check("https://e.com/other?day=99").Allowed.Should().BeTrue();
        guard.Check("https://e.com/calendar").Allowed.Should().BeTrue();
    }
}
