using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class CrawlScopeTests
{
    [Theory]
    [InlineData("https://example.com/a", true)]
    [InlineData("https://docs.example.org/a", true)]
    [InlineData("https://deep.docs.example.org/a", true)]
    [InlineData("https://example.org/a", true)]
    [InlineData("https://badexample.org/a", false)]
    [InlineData("https://www.example.com/a", false)]
    [InlineData("https://other.net/a", false)]
    public void Hosts_are_allowed_exactly_or_by_subdomain_wildcard(string url, bool allowed)
    {
        var scope = new CrawlScope(new CrawlScopeOptions { AllowedHosts = ["example.com", "*.example.org"] });
        var verdict = scope.Check(url, 0);
        verdict.Allowed.Should().Be(allowed);
        if (!allowed)
        {
            verdict.Reason.Should().Be("host-not-allowed");
        }
    }

    [Fact]
    public void Links_past_the_max_depth_are_too_deep()
    {
        var scope = new CrawlScope(new CrawlScopeOptions { MaxDepth = 2 });
        scope.Check("https://e.com/", 2).Allowed.Should().BeTrue();
        scope.Check("https://e.com/", 3).Reason.Should().Be("too-deep");
    }

    [Fact]
    public void Include_and_exclude_patterns_filter_urls()
    {
        var scope = new CrawlScope(new CrawlScopeOptions { Include = ["/docs/"], Exclude = [@"\.zip$", "/docs/old/"] });
        scope.Check("https://e.com/docs/intro", 0).Allowed.Should().BeTrue();
        scope.Check("https://e.com/blog/post", 0).Reason.Should().Be("not-included");
        scope.Check("https://e.com/docs/old/intro", 0).Reason.Should().Be("excluded");
        scope.Check("https://e.com/docs/file.zip", 0).Reason.Should().Be("excluded");
    }

    [Fact]
    public void Pages_past_the_budget_are_refused()
    {
        var scope = new CrawlScope(new CrawlScopeOptions { MaxPages = 2 });
        scope.Admit("https://e.com/1", 0).Allowed.Should().BeTrue();
        scope.Admit("https://e.com/2", 0).Allowed.Should().BeTrue();
        scope.Admit("https://e.com/3", 0).Reason.Should().Be("max-pages");
        scope.PagesAdmitted.Should().Be(2);
    }

    [Fact]
    public void An_invalid_pattern_is_refused_at_construction()
    {
        var act = () => new CrawlScope(new CrawlScopeOptions { Include = ["("] });
        act.Should().Throw<ArgumentException>();
    }
}
