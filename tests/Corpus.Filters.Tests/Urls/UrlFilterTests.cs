using Corpus.Filters.Quality;

namespace Corpus.Filters.Tests.Urls;

public sealed class UrlFilterTests
{
    private static QualityOptions UrlsOnly(UrlFilterOptions urls) => new() { Gopher = null, Repetition = null, C4 = null, FineWeb = null, Urls = urls };

    [Fact]
    public void Blocklist_file_blocks_domains_and_their_subdomains()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# blocked", "spam.example", "", "BAD.TEST"]);
            var filter = QualityFilter.Create(UrlsOnly(new UrlFilterOptions { BlocklistPath = path }));
            filter.Evaluate("text", null, "https://spam.example/a").Rule.Should().Be("url_blocked_domain");
            filter.Evaluate("text", null, "http://www.news.spam.example:8080/x?y").Rule.Should().Be("url_blocked_domain");
            filter.Evaluate("text", null, "https://bad.test").Rule.Should().Be("url_blocked_domain");
            filter.Evaluate("text", null, "https://notspam.example/a").Kept.Should().BeTrue();
            filter.Evaluate("text", null, "https://example.org/spam.example").Kept.Should().BeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Banned_words_reject_only_as_whole_words()
    {
        var filter = QualityFilter.Create(UrlsOnly(new UrlFilterOptions()));
        filter.Evaluate("text", null, "https://free-porn.example/").Rule.Should().Be("url_banned_word");
        filter.Evaluate("text", null, "https://example.org/casino/games").Rule.Should().Be("url_banned_word");
        filter.Evaluate("text", null, "https://essex.example/middlesex").Kept.Should().BeTrue();
        filter.Evaluate("text", null, null).Kept.Should().BeTrue();
    }
}
