using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Core.Text;

namespace Corpus.Ingest.Web;

/// <summary>
/// Canonical form of crawlable URLs, so the frontier sees one string per resource: http and https
/// only; scheme and host lower-case, IDN hosts in Punycode, default port dropped, dot-segments
/// resolved, percent-encoding normalized (upper-case hex, unreserved characters decoded), fragment
/// dropped, empty path as <c>/</c>, IPv6 hosts in RFC 5952 form, query parameters kept in order (tracking parameters dropped on
/// request). Parsing follows RFC 3986 (with the WHATWG habits of trimming whitespace and reading
/// <c>\</c> as <c>/</c>), not <see cref="Uri"/>, whose normalization differs across versions.
/// </summary>
public static partial class UrlNormalizer
{
    private const int MaxHostLength = 253;

    private static readonly string[] TrackingParameters = ["fbclid", "gclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid"];

    /// <summary>Normalizes an absolute URL.</summary>
    public static NormalizedUrl Normalize(string url, bool dropTrackingParameters = false)
    {
        ArgumentNullException.ThrowIfNull(url);
        var cleaned = Clean(url);
        if (cleaned.Length == 0)
        {
            return NormalizedUrl.Refused("empty");
        }

        var parts = UrlParts.Parse(cleaned);
        if (parts.Scheme is null)
        {
            return NormalizedUrl.Refused("not-absolute");
        }

        return Finish(parts, dropTrackingParameters);
    }

    /// <summary>
    /// Resolves <paramref name="href"/> (as found in a page) against <paramref name="baseUrl"/> (the
    /// page URL, or the page's <c>&lt;base href&gt;</c> already resolved against it) and normalizes the result.
    /// </summary>
    public static NormalizedUrl Resolve(string baseUrl, string href, bool dropTrackingParameters = false)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(href);
        var reference = UrlParts.Parse(Clean(href));
        if (reference.Scheme is not null)
        {
            return Finish(reference, dropTrackingParameters);
        }

        var baseParts = UrlParts.Parse(Clean(baseUrl));
        if (baseParts.Scheme is null || baseParts.Authority is null)
        {
            return NormalizedUrl.Refused("not-absolute");
        }

        // RFC 3986 section 5.2.2.
        string? authority;
        string path;
        string? query;
        if (reference.Authority is not null)
        {
            authority = reference.Authority;
            path = reference.Path;
            query = reference.Query;
        }
        else
        {
            authority = baseParts.Authority;
            if (reference.Path.Length == 0)
            {
                path = baseParts.Path;
                query = reference.Query ?? baseParts.Query;
            }
            else
            {
                path = reference.Path.StartsWith('/') ? reference.Path : Merge(baseParts, reference.Path);
                query = reference.Query;
            }
        }

        return Finish(new UrlParts(baseParts.Scheme, authority, path, query), dropTrackingParameters);
    }

    private static string Merge(UrlParts baseParts, string path)
    {
        if (baseParts.Path.Length == 0)
        {
            return "/" + path;
        }

        var slash = baseParts.Path.LastIndexOf('/');
        return baseParts.Path[..(slash + 1)] + path;
    }

    private static NormalizedUrl Finish(UrlParts parts, bool dropTracking)
    {
        var scheme = parts.Scheme!.ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return NormalizedUrl.Refused("unsupported-scheme");
        }

        if (parts.Authority is null)
        {
            return NormalizedUrl.Refused("not-absolute");
        }

        var authority = parts.Authority;
        var at = authority.LastIndexOf('@');
        var userInfo = at >= 0 ? authority[..at] : null;
        var hostPort = at >= 0 ? authority[(at + 1)..] : authority;
        string host;
        string? port = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return NormalizedUrl.Refused("invalid-host");
            }

            if (IpLiteral(hostPort[1..close]) is not { } literal)
            {
                return NormalizedUrl.Refused("invalid-host");
            }

            host = literal;
            var rest = hostPort[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    return NormalizedUrl.Refused("invalid-host");
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon >= 0 ? hostPort[..colon] : hostPort;
            port = colon >= 0 ? hostPort[(colon + 1)..] : null;
            var ascii = AsciiHost(host);
            if (ascii is null)
            {
                return NormalizedUrl.Refused("invalid-host");
            }

            host = ascii;
        }

        var result = new StringBuilder(scheme.Length + hostPort.Length + parts.Path.Length + 16).Append(scheme).Append("://");
        if (!string.IsNullOrEmpty(userInfo))
        {
            result.Append(PercentEncoding.Normalize(userInfo)).Append('@');
        }

        result.Append(host);
        if (!string.IsNullOrEmpty(port))
        {
            if (!port.All(char.IsAsciiDigit) || !int.TryParse(port, out var number) || number > 65535)
            {
                return NormalizedUrl.Refused("invalid-port");
            }

            if (!(number == 80 && scheme == "http") && !(number == 443 && scheme == "https"))
            {
                result.Append(':').Append(number);
            }
        }

        var path = RemoveDotSegments(PercentEncoding.Normalize(parts.Path));
        result.Append(path.Length == 0 ? "/" : path);
        if (parts.Query is not null)
        {
            var query = PercentEncoding.Normalize(parts.Query, "?");
            if (dropTracking)
            {
                query = string.Join('&', query.Split('&').Where(p => !IsTracking(p)));
            }

            if (query.Length > 0)
            {
                result.Append('?').Append(query);
            }
        }

        return new NormalizedUrl(result.ToString(), null);
    }

    private static bool IsTracking(string parameter)
    {
        var eq = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = eq >= 0 ? parameter[..eq] : parameter;
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || TrackingParameters.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The host in lower-case ASCII (IDN labels as Punycode), or null when it is not a valid host name.</summary>
    private static string? AsciiHost(string host)
    {
        host = Uri.UnescapeDataString(host).TrimEnd('.');
        if (host.Length == 0)
        {
            return null;
        }

        if (!host.All(char.IsAscii))
        {
            host = Nfc.Normalize(host.ToLowerInvariant());

            // Each label's Punycode is at least as long as its code points, so a longer host cannot be
            // one of 253 characters; refused before encoding, which is quadratic in a label's length.
            if (host.EnumerateRunes().Count() > MaxHostLength)
            {
                return null;
            }

            host = string.Join('.', host.Replace('\u3002', '.').Split('.').Select(Punycode.EncodeLabel));
        }

        host = host.ToLowerInvariant();
        return host.Length <= MaxHostLength && HostName().IsMatch(host) ? host : null;
    }

    /// <summary>
    /// The bracketed form of an IPv6 address in RFC 5952's canonical text (lower case, longest zero run
    /// as <c>::</c>), or null when <paramref name="inside"/> is not one. Zone ids and IPvFuture are refused.
    /// </summary>
    private static string? IpLiteral(string inside) =>
        inside.Length > 0 && inside.AsSpan().IndexOfAnyExcept(Ipv6Chars) < 0
        && IPAddress.TryParse(inside, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + address + "]"
            : null;

    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>RFC 3986 section 5.2.4.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return path;
        }

        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 1)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        var joined = string.Join('/', output);
        return path.StartsWith('/') && !joined.StartsWith('/') ? "/" + joined : joined;
    }

    /// <summary>Trims leading and trailing spaces and controls, drops tabs and newlines inside, reads <c>\</c> as <c>/</c> (WHATWG URL habits).</summary>
    private static string Clean(string url)
    {
        var trimmed = url.AsSpan().Trim(" \t\n\r\f\0");
        var sb = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            sb.Append(c == '\\' ? '/' : c);
        }

        var hash = sb.ToString().IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? sb.ToString(0, hash) : sb.ToString();
    }

    [GeneratedRegex("^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$")]
    private static partial Regex HostName();

    private readonly record struct UrlParts(string? Scheme, string? Authority, string Path, string? Query)
    {
        public static UrlParts Parse(string text)
        {
            string? scheme = null;
            var rest = text;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && char.IsAsciiLetter(text[0]) && text.AsSpan(0, colon).IndexOfAnyExcept(SchemeChars) < 0)
            {
                scheme = text[..colon];
                rest = text[(colon + 1)..];
            }

            string? authority = null;
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var end = rest.IndexOfAny(['/', '?'], 2);
                authority = end < 0 ? rest[2..] : rest[2..end];
                rest = end < 0 ? string.Empty : rest[end..];
            }

            var q = rest.IndexOf('?', StringComparison.Ordinal);
            return q >= 0 ? new UrlParts(scheme, authority, rest[..q], rest[(q + 1)..]) : new UrlParts(scheme, authority, rest, null);
        }

        private static readonly System.Buffers.SearchValues<char> SchemeChars =
            System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    }
}
