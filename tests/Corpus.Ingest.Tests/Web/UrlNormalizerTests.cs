using Corpus.Ingest.Web;

namespace Corpus.Ingest.Tests.Web;

public class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM", "http://example.com/")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/", "https://example.com/")]
    [InlineData("https://example.com:80/", "https://example.com:80/")]
    [InlineData("http://example.com:8080", "http://example.com:8080/")]
    [InlineData("http://example.com/a/./b/../c", "http://example.com/a/c")]
    [InlineData("http://example.com/../../a", "http://example.com/a")]
    [InlineData("http://example.com/%7euser/%3a%2f%41", "http://example.com/~user/%3A%2FA")]
    [InlineData("http://example.com/a b", "http://example.com/a%20b")]
    [InlineData("http://example.com/ü", "http://example.com/%C3%BC")]
    [InlineData("http://example.com/100%", "http://example.com/100%25")]
    [InlineData("http://example.com/p#fragment", "http://example.com/p")]
    [InlineData("http://example.com?b=2&a=1", "http://example.com/?b=2&a=1")]
    [InlineData("http://example.com/?", "http://example.com/")]
    [InlineData("http://Example.com./x", "http://example.com/x")]
    [InlineData("  http://example.com/\tx\n ", "http://example.com/x")]
    [InlineData("http://bücher.example/", "http://xn--bcher-kva.example/")]
    [InlineData("http://BÜCHER.example/", "http://xn--bcher-kva.example/")]
    [InlineData("http://例え.jp/", "http://xn--r8jz45g.jp/")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080/")]
    [InlineData("http://user@example.com/", "http://user@example.com/")]
    public void Normalize_gives_the_canonical_form(string input, string expected) =>
        UrlNormalizer.Normalize(input).Url.Should().Be(expected);

    [Theory]
    [InlineData("ftp://example.com/file", "unsupported-scheme")]
    [InlineData("file:///etc/passwd", "unsupported-scheme")]
    [InlineData("javascript:alert(1)", "unsupported-scheme")]
    [InlineData("mailto:someone@example.com", "unsupported-scheme")]
    [InlineData("data:text/plain,hello", "unsupported-scheme")]
    [InlineData("/relative/path", "not-absolute")]
    [InlineData("http:relative", "not-absolute")]
    [InlineData("http://exa mple.com/", "invalid-host")]
    [InlineData("http:///path", "invalid-host")]
    [InlineData("http://example.com:99999/", "invalid-port")]
    [InlineData("http://example.com:x/", "invalid-port")]
    [InlineData("   ", "empty")]
    public void Normalize_refuses_what_cannot_be_crawled_with_a_reason(string input, string reason)
    {
        var result = UrlNormalizer.Normalize(input);
        result.IsValid.Should().BeFalse();
        result.Refusal.Should().Be(reason);
    }

    // Found by bench/fuzz/run-sharpfuzz.sh (url): anything between brackets passed as a host, spaces and controls included.
    [Theory]
    [InlineData("http://[>\uFFFD1]:8080/")]
    [InlineData("http://[\uFFFD:1]?8080/")]
    [InlineData("http://[:D1:\u0000\u00018\u0000\u0000\uFFFDs!]:80")]
    [InlineData("http://[::\u0016]:80/")]
    [InlineData("http://[::1 ]/")]
    [InlineData("http://[::1%25eth0]/")]
    [InlineData("http://[v1.fe]/")]
    [InlineData("http://[]/")]
    [InlineData("http://[1.2.3.4]/")]
    public void Bracketed_host_that_is_not_an_ipv6_address_is_refused(string url) =>
        UrlNormalizer.Normalize(url).Refusal.Should().Be("invalid-host");

    [Theory]
    [InlineData("http://[0:0:0:0:0:0:0:1]/", "http://[::1]/")]
    [InlineData("http://[2001:DB8:0:0:0:0:0:A]:80/x", "http://[2001:db8::a]/x")]
    [InlineData("https://[::FFFF:1.2.3.4]:8443/", "https://[::ffff:1.2.3.4]:8443/")]
    public void Ipv6_host_is_written_in_rfc_5952_form(string url, string expected) =>
        UrlNormalizer.Normalize(url).Url.Should().Be(expected);

    [Fact]
    public void Idn_host_too_long_for_253_characters_is_refused_before_punycode_overflows()
    {
        // Punycode of a 2,100-character label ending in U+10FFFF overflowed an int and threw.
        UrlNormalizer.Normalize("http://" + new string('a', 2100) + "\U0010FFFF.com/").Refusal.Should().Be("invalid-host");

        // 60,000 distinct code points in one label: Punycode's loop is quadratic in the label, so the length is checked first.
        var label = string.Concat(Enumerable.Range(0x20000, 60_000).Select(char.ConvertFromUtf32));
        UrlNormalizer.Normalize("http://" + label + ".cn/").Refusal.Should().Be("invalid-host");
        UrlNormalizer.Normalize("http://" + new string('\u00FC', 253) + "/").Refusal.Should().Be("invalid-host");
    }

    [Theory]
    [InlineData("bücher")]
    [InlineData("例え")]
    [InlineData("münchen-ost")]
    [InlineData("правительство")]
    [InlineData("ελληνικά")]
    [InlineData("中国")]
    [InlineData("😀smile")]
    public void Punycode_matches_the_platform_idn_mapping(string label) =>
        Punycode.EncodeLabel(label).Should().Be(new System.Globalization.IdnMapping().GetAscii(label));

    [Fact]
    public void Tracking_parameters_are_dropped_on_request_and_the_rest_keeps_its_order()
    {
        const string url = "http://e.com/p?z=1&utm_source=x&UTM_Medium=y&a=2&fbclid=3&gclid=4";
        UrlNormalizer.Normalize(url, dropTrackingParameters: true).Url.Should().Be("http://e.com/p?z=1&a=2");
        UrlNormalizer.Normalize(url).Url.Should().Be(url);
        UrlNormalizer.Normalize("http://e.com/p?utm_source=x", dropTrackingParameters: true).Url.Should().Be("http://e.com/p");
    }

    // RFC 3986 section 5.4.1 (normal examples), with the fragment dropped.
    [Theory]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g/")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q")]
    [InlineData("g#s", "http://a/b/c/g")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("./", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("https://other.example/x", "https://other.example/x")]
    public void Resolve_follows_rfc_3986_reference_resolution(string href, string expected) =>
        UrlNormalizer.Resolve("http://a/b/c/d;p?q", href).Url.Should().Be(expected);

    [Fact]
    public void Resolve_refuses_links_to_other_schemes() =>
        UrlNormalizer.Resolve("http://a/b", "mailto:x@y.z").Refusal.Should().Be("unsupported-scheme");
}
