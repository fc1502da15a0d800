using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Corpus.Ingest.Tests.Web;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, with handlers per path and a log of the requests it got.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, CancellationToken, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<LoggedRequest> Log { get; } = new();

    public string Url(string pathAndQuery) => $"http://127.0.0.1:{Port}{pathAndQuery}";

    public IReadOnlyList<LoggedRequest> RequestsTo(string path) => Log.Where(r => r.Path == path).ToList();

    public void Map(string path, Func<HttpListenerContext, CancellationToken, Task> handler) => _routes[path] = handler;

    public void Map(string path, int status, string body = "", string contentType = "text/html; charset=utf-8", params (string Name, string Value)[] headers) =>
        Map(path, (context, _) => RespondAsync(context, status, Encoding.UTF8.GetBytes(body), contentType, headers));

    public void Redirect(string path, int status, string location) =>
        Map(path, status, string.Empty, "text/plain", ("Location", location));

    public static async Task RespondAsync(HttpListenerContext context, int status, byte[] body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    /// <summary>A port nothing listens on (bound, then released).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        Log.Enqueue(new LoggedRequest(path, request.RawUrl ?? path, Stopwatch.GetTimestamp(), request.Headers["User-Agent"], request.Headers["Accept-Encoding"]));
        try
        {
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context, _stop.Token);
            }
            else
            {
                await RespondAsync(context, 404, Encoding.UTF8.GetBytes("not found"), "text/plain");
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (size limit, timeout) or the server is stopping.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}

/// <summary>One request the server got; <see cref="Timestamp"/> is a <see cref="Stopwatch"/> timestamp.</summary>
internal sealed record LoggedRequest(string Path, string RawUrl, long Timestamp, string? UserAgent, string? AcceptEncoding);
