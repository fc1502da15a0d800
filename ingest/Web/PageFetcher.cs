using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Corpus.Ingest.Web;

/// <summary>
/// Fetches one URL with a shared <see cref="HttpClient"/> over <see cref="SocketsHttpHandler"/>:
/// redirects followed here (each target checked by the caller's hop check, loops and long chains
/// refused), retries with exponential backoff and jitter after 5xx, 429 and network errors
/// (honouring <c>Retry-After</c>), a body size limit, a total timeout per request. Content
/// decoding (gzip, deflate, br) is done here rather than by the handler, so the result keeps the
/// response headers as sent (with <c>Content-Encoding</c>) and the body as received, which a WARC
/// record needs, beside the decoded body a parser needs. Thread-safe; one instance serves a whole crawl.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private const string AcceptEncoding = "gzip, deflate, br";
    private const string Accept = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    private readonly PageFetcherOptions _options;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, IPAddress> _addresses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a fetcher; dispose it at the end of the crawl.</summary>
    public PageFetcher(PageFetcherOptions? options = null)
    {
        _options = options ?? new PageFetcherOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The options in use.</summary>
    public PageFetcherOptions Options => _options;

    /// <summary>
    /// GETs <paramref name="url"/>, following redirects. Each redirect target is passed to
    /// <paramref name="checkHop"/> (when given) before it is fetched: a non-null answer is the
    /// refusal reason (e.g. <see cref="FetchFailures.RobotsDisallowed"/>) and ends the fetch with it.
    /// The URL itself is the caller's to check beforehand. Never throws for network or HTTP
    /// trouble: that is the result's <see cref="FetchResult.Failure"/>; only cancellation throws.
    /// </summary>
    public async Task<FetchResult> FetchAsync(
        string url,
        Func<string, CancellationToken, ValueTask<string?>>? checkHop = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var started = Stopwatch.GetTimestamp();
        var normalized = UrlNormalizer.Normalize(url);
        if (normalized.Url is null)
        {
            return new FetchResult { RequestedUrl = url, FinalUrl = url, Failure = FetchFailures.BadUrl, FailureDetail = normalized.Refusal };
        }

        var requested = normalized.Url;
        var current = requested;
        var hops = new List<RedirectHop>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { current };
        while (true)
        {
            var result = await FetchWithRetriesAsync(current, cancellationToken).ConfigureAwait(false);
            result = result with { RequestedUrl = requested, Redirects = hops.ToArray(), Elapsed = Stopwatch.GetElapsedTime(started) };
            if (result.Status is not (301 or 302 or 303 or 307 or 308))
            {
                return result;
            }

            var location = result.Header("Location");
            var target = location is null ? null : UrlNormalizer.Resolve(current, location, _options.DropTrackingParameters).Url;
            hops.Add(new RedirectHop(current, result.Status, target ?? location ?? string.Empty));
            result = result with { Redirects = hops.ToArray() };
            string? refusal = null;
            string? detail = target ?? location;
            if (target is null)
            {
                refusal = FetchFailures.BadRedirect;
            }
            else if (!seen.Add(target))
            {
                refusal = FetchFailures.RedirectLoop;
            }
            else if (hops.Count > _options.MaxRedirects)
            {
                refusal = FetchFailures.TooManyRedirects;
            }
            else if (checkHop is not null)
            {
                refusal = await checkHop(target, cancellationToken).ConfigureAwait(false);
            }

            if (refusal is not null)
            {
                return result with { Failure = refusal, FailureDetail = detail };
            }

            current = target!;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private async Task<FetchResult> FetchWithRetriesAsync(string url, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(url, cancellationToken).ConfigureAwait(false) with { Attempts = attempt };
            if (attempt > _options.MaxRetries || !IsRetryable(result))
            {
                return result;
            }

            await Task.Delay(RetryDelay(attempt, result), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(FetchResult result) =>
        result.Status is 429 or >= 500 || result.Failure is FetchFailures.ConnectFailed or FetchFailures.NetworkError;

    /// <summary>The wait before retry number <paramref name="attempt"/>: the response's <c>Retry-After</c> (capped) when it has one, else exponential backoff with ±50% jitter.</summary>
    internal TimeSpan RetryDelay(int attempt, FetchResult result)
    {
        var retryAfter = RetryAfter(result.Header("Retry-After"), DateTimeOffset.UtcNow);
        if (retryAfter is not null)
        {
            return retryAfter.Value > _options.MaxRetryAfter ? _options.MaxRetryAfter : retryAfter.Value;
        }

        var backoff = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(backoff, _options.MaxRetryAfter.TotalMilliseconds));
    }

    /// <summary>A <c>Retry-After</c> value (delay in seconds, or an HTTP date) as a wait from <paramref name="now"/>; null when absent or unreadable.</summary>
    internal static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private async Task<FetchResult> SendOnceAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.TotalTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        var fetchedAt = DateTimeOffset.UtcNow;
        var failed = new FetchResult { RequestedUrl = url, FinalUrl = url, FetchedAt = fetchedAt };
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var headers = HeadersOf(response);
            var (wire, truncated) = await ReadBoundedAsync(
                await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), timeout.Token).ConfigureAwait(false);
            var result = failed with
            {
                Status = (int)response.StatusCode,
                Headers = headers,
                WireBody = wire,
                Body = wire,
                Truncated = truncated,
                RawRequestHeaders = RawRequest(request),
                RawResponseHeaders = RawResponse(response, headers),
                IpAddress = AddressOf(request.RequestUri!),
            };
            result = Decode(result);
            if (result.Failure is null && result.Truncated)
            {
                result = result with { Failure = FetchFailures.TooLarge, FailureDetail = $"more than {_options.MaxBodyBytes} bytes" };
            }

            if (result.Failure is null && result.Status is < 200 or >= 300)
            {
                result = result with { Failure = FetchFailures.HttpStatus, FailureDetail = $"{result.Status} {response.ReasonPhrase}" };
            }

            return result;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return failed with
            {
                Failure = timeout.IsCancellationRequested ? FetchFailures.Timeout : FetchFailures.ConnectFailed,
                FailureDetail = e.Message,
                IpAddress = AddressOf(request.RequestUri!),
            };
        }
        catch (HttpRequestException e)
        {
            return failed with { Failure = Classify(e), FailureDetail = e.Message };
        }
        catch (IOException e)
        {
            return failed with { Failure = FetchFailures.NetworkError, FailureDetail = e.Message };
        }
    }

    private static string Classify(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
            {
                return FetchFailures.DnsFailed;
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => FetchFailures.DnsFailed,
            HttpRequestError.ConnectionError => FetchFailures.ConnectFailed,
            _ => FetchFailures.NetworkError,
        };
    }

    private async Task<(byte[] Bytes, bool Truncated)> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            return await ReadBoundedAsync(stream, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (output.ToArray(), false);
                }

                if (output.Length + read > max)
                {
                    output.Write(buffer, 0, (int)(max - output.Length));
                    return (output.ToArray(), true);
                }

                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Undoes the response's <c>Content-Encoding</c> (last applied, first undone), bounded by the body limit.</summary>
    private FetchResult Decode(FetchResult result)
    {
        var codings = (result.Header("Content-Encoding") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => !c.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .Reverse()
            .ToList();
        if (codings.Count == 0)
        {
            return result;
        }

        var body = result.WireBody.ToArray();
        var truncated = result.Truncated;
        foreach (var coding in codings)
        {
            try
            {
                using var input = new MemoryStream(body);
                using Stream decoder = coding.ToLowerInvariant() switch
                {
                    "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                    "deflate" => IsZlib(body) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
                    "br" => new BrotliStream(input, CompressionMode.Decompress),
                    _ => throw new InvalidDataException($"unsupported content-encoding {coding}"),
                };
                (body, var cut) = ReadBoundedAsync(decoder, _options.MaxBodyBytes, CancellationToken.None).GetAwaiter().GetResult();
                truncated |= cut;
            }
            catch (Exception e) when (DoesNotDecode(e, coding) && result.Truncated)
            {
                // A body cut at the limit may end mid-stream, where this decoder gives up: no decoded body then.
                return result with { Body = ReadOnlyMemory<byte>.Empty };
            }
            catch (Exception e) when (DoesNotDecode(e, coding))
            {
                return result with { Failure = FetchFailures.DecodeFailed, FailureDetail = e.Message };
            }
        }

        return result with { Body = body, ContentDecoded = true, Truncated = truncated };
    }

    /// <summary>A decoder's failure on bad data: InvalidDataException, or for BrotliStream InvalidOperationException.</summary>
    private static bool DoesNotDecode(Exception e, string coding) =>
        e is InvalidDataException || (e is InvalidOperationException && coding.Equals("br", StringComparison.OrdinalIgnoreCase));

    private static bool IsZlib(byte[] body) => body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;

    private static List<KeyValuePair<string, string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            foreach (var value in header.Value)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, value));
            }
        }

        return headers;
    }

    private static byte[] RawRequest(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var text = new StringBuilder()
            .Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/").Append(request.Version.ToString(2)).Append("\r\n")
            .Append("Host: ").Append(uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}").Append("\r\n");
        foreach (var header in request.Headers.NonValidated)
        {
            text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    private static byte[] RawResponse(HttpResponseMessage response, List<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder()
            .Append("HTTP/").Append(response.Version.ToString(2)).Append(' ')
            .Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    private IPAddress? AddressOf(Uri uri) => _addresses.GetValueOrDefault($"{uri.IdnHost}:{uri.Port}");

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is IPEndPoint remote)
            {
                var address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
                _addresses[$"{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}"] = address;
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
