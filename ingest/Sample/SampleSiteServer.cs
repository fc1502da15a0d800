using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Ingest.Sample;

/// <summary>
/// Serves a <see cref="SampleSite"/> over HTTP on 127.0.0.1 on a free port, and logs every request
/// (path and time) so tests can check what a crawler asked for.
/// </summary>
public sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly SampleSite _site;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private SampleSiteServer(HttpListener listener, SampleSite site, string baseUrl, int acceptLoops)
    {
        _listener = listener;
        _site = site;
        BaseUrl = baseUrl;
        _loops = Enumerable.Range(0, acceptLoops).Select(_ => Task.Run(AcceptLoopAsync)).ToArray();
    }

    /// <summary>The site's root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Every request served so far: path with query, and when (time since the server started).</summary>
    public ConcurrentQueue<(string PathAndQuery, TimeSpan At)> RequestLog { get; } = new();

    /// <summary>Starts a server on a free port for the translations in <paramref name="translations"/>.</summary>
    public static SampleSiteServer Start(IReadOnlyList<UdhrTranslation> translations, int acceptLoops = 16)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl + "/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
                continue;
            }

            return new SampleSiteServer(listener, new SampleSite(translations, baseUrl), baseUrl, acceptLoops);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await ServeAsync(context).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var pathAndQuery = context.Request.Url?.PathAndQuery ?? "/";
        RequestLog.Enqueue((pathAndQuery, _clock.Elapsed));
        var response = context.Response;
        try
        {
            SampleResponse answer;
            try
            {
                answer = _site.Respond(Uri.UnescapeDataString(pathAndQuery));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A page that fails to render is a server error, as on a real site; the server goes on.
                answer = new SampleResponse(500, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes($"500 {e.GetType().Name}: {e.Message}\n"));
            }

            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _stop.Token).ConfigureAwait(false);
            }

            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            if (answer.Location is not null)
            {
                response.RedirectLocation = answer.Location;
            }

            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Stops listening and waits for the accept loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
