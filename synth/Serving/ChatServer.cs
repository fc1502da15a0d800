using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Corpus.Synth.Engines;

namespace Corpus.Synth.Serving;

/// <summary>
/// Serves any <see cref="IChatEngine"/> as an OpenAI-compatible HTTP endpoint on 127.0.0.1:
/// <c>GET /v1/models</c>, <c>POST /v1/chat/completions</c>, <c>POST /v1/completions</c> (the prompt is
/// decoded as it is, without the chat template) and <c>GET /health</c>. Each request is handled on its own task, so
/// concurrent requests reach the engine together (a <see cref="LlamaEngine"/> decodes them in one batch).
/// <c>"stream": true</c> answers as server-sent events, piece by piece as the engine generates (an
/// <see cref="IStreamingChatEngine"/>; another engine's text comes as one piece). Errors come back as
/// <c>{"error": {"message", "type"}}</c>: 400 for a bad body, 404 for an unknown route, 413 for a body over
/// <see cref="ChatServerOptions.MaxRequestBodyBytes"/>, 500 naming the engine's failure.
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly IChatEngine _engine;
    private readonly ChatServerOptions _options;
    private readonly HttpListener _listener;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private readonly Task _acceptLoop;
    private volatile bool _stopping;
    private int _stopped;

    private ChatServer(IChatEngine engine, ChatServerOptions options, HttpListener listener, Uri baseUrl)
    {
        _engine = engine;
        _options = options;
        _listener = listener;
        _slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        BaseUrl = baseUrl;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:8000/</c>; the API is under <c>/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts listening on 127.0.0.1 at <see cref="ChatServerOptions.Port"/> (0: a free port).</summary>
    /// <exception cref="HttpListenerException">The port could not be taken (in use, or not allowed).</exception>
    public static ChatServer Start(IChatEngine engine, ChatServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelName);
        for (var attempt = 0; ; attempt++)
        {
            int port = options.Port != 0 ? options.Port : FreePort();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl.ToString());
            try
            {
                listener.Start();
                return new ChatServer(engine, options, listener, baseUrl);
            }
            catch (HttpListenerException) when (options.Port == 0 && attempt < 10)
            {
                listener.Close();
            }
            catch
            {
                listener.Close();
                throw;
            }
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
        while (!_stopping)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                _slots.Release();
                if (_stopping)
                {
                    return;
                }

                continue;
            }

            var task = Task.Run(() => HandleAsync(context));
            _inFlight.TryAdd(task, 0);
            _ = task.ContinueWith(
                t =>
                {
                    _inFlight.TryRemove(t, out _);
                    _slots.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        int status = 200;
        byte[] body = [];
        StreamedAnswer? streamed = null;
        try
        {
            (body, streamed) = await RouteAsync(context.Request, cancel.Token).ConfigureAwait(false);
        }
        catch (ChatServerError e)
        {
            status = e.Status;
            body = ServerResponseWriter.Error(e.Type, e.Message);
        }
        catch (ArgumentException e)
        {
            status = 400;
            body = ServerResponseWriter.Error("invalid_request_error", e.Message);
        }
        catch (OperationCanceledException)
        {
            status = 503;
            body = ServerResponseWriter.Error("server_error", "the server is stopping");
        }
        catch (Exception e)
        {
            status = 500;
            body = ServerResponseWriter.Error("server_error", $"the engine failed: {e.Message}");
        }

        try
        {
            if (streamed is not null)
            {
                await WriteEventsAsync(response, streamed, cancel.Token).ConfigureAwait(false);
            }
            else
            {
                response.StatusCode = status;
                response.ContentType = "application/json";
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body, _abort.Token).ConfigureAwait(false);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (or the server is closing): nothing to answer, and a streamed
            // generation is cancelled so its slot goes to the next request.
            await cancel.CancelAsync().ConfigureAwait(false);
            response.Abort();
        }
    }

    private async Task<(byte[] Body, StreamedAnswer? Streamed)> RouteAsync(HttpListenerRequest request, CancellationToken ct)
    {
        var path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        var method = request.HttpMethod;
        switch (path)
        {
            case "/v1/models":
                RequireMethod(method, "GET", path);
                return (ServerResponseWriter.Models(_options.ModelName, _created), null);
            case "/health":
                RequireMethod(method, "GET", path);
                return (ServerResponseWriter.Health(), null);
            case "/v1/chat/completions":
                RequireMethod(method, "POST", path);
                return await AnswerAsync(ServerRequestParser.Chat(await ReadBodyAsync(request).ConfigureAwait(false), _options.ModelName), chat: true, ct).ConfigureAwait(false);
            case "/v1/completions":
                RequireMethod(method, "POST", path);
                return await AnswerAsync(ServerRequestParser.Completion(await ReadBodyAsync(request).ConfigureAwait(false), _options.ModelName), chat: false, ct).ConfigureAwait(false);
            default:
                throw new ChatServerError(404, "not_found_error", $"no route {method} {path}; this server has GET /v1/models, POST /v1/chat/completions, POST /v1/completions, GET /health");
        }
    }

    /// <summary>A chat or raw completion: the whole answer's JSON, or a stream started for the events.</summary>
    private async Task<(byte[] Body, StreamedAnswer? Streamed)> AnswerAsync(ServerRequest request, bool chat, CancellationToken ct)
    {
        if (request.Stream)
        {
            return ([], new StreamedAnswer(Start(request.Chat, ct), chat, request.IncludeUsage));
        }

        if (_stopping)
        {
            throw new OperationCanceledException();
        }

        var answer = await _engine.CompleteAsync(request.Chat, ct).ConfigureAwait(false);
        return (chat ? ServerResponseWriter.ChatCompletion(answer, _options.ModelName) : ServerResponseWriter.TextCompletion(answer, _options.ModelName), null);
    }

    /// <summary>Starts a streamed answer; an engine that cannot stream gives its whole text as one piece.</summary>
    private ChatStream Start(ChatRequest request, CancellationToken ct)
    {
        if (_stopping)
        {
            throw new OperationCanceledException();
        }

        return _engine is IStreamingChatEngine streaming ? streaming.Stream(request, ct) : ChatStream.Whole(_engine.CompleteAsync(request, ct));
    }

    /// <summary>
    /// Answers as server-sent events, as OpenAI's API streams: a chunk per piece of text (for chat, first
    /// one with the role), a last chunk with the finish reason, a usage chunk when asked, then
    /// <c>data: [DONE]</c>. A generation that fails after the headers went out ends with an error event.
    /// </summary>
    private async Task WriteEventsAsync(HttpListenerResponse response, StreamedAnswer answer, CancellationToken ct)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        response.Headers["Cache-Control"] = "no-cache";
        var output = response.OutputStream;
        var chunks = new ServerChunkWriter(answer.Chat, _options.ModelName);
        if (answer.Chat)
        {
            await WriteEventAsync(output, chunks.Role(), ct).ConfigureAwait(false);
        }

        string? failure = null;
        var pieces = answer.Stream.Pieces;
        while (true)
        {
            try
            {
                if (!await pieces.WaitToReadAsync(ct).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                failure = "the server is stopping";
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = $"the engine failed: {e.Message}";
                break;
            }

            while (pieces.TryRead(out var piece))
            {
                await WriteEventAsync(output, chunks.Text(piece), ct).ConfigureAwait(false);
            }
        }

        if (failure is null)
        {
            var completion = await answer.Stream.Completion.ConfigureAwait(false);
            await WriteEventAsync(output, chunks.Finish(completion.FinishReason ?? "stop"), ct).ConfigureAwait(false);
            if (answer.IncludeUsage)
            {
                await WriteEventAsync(output, chunks.Usage(completion.Usage), ct).ConfigureAwait(false);
            }
        }
        else
        {
            // Not on the request's token: when the server is stopping that token is cancelled, and the
            // client should still read why its stream ended.
            await WriteEventAsync(output, ServerResponseWriter.Error("server_error", failure), CancellationToken.None).ConfigureAwait(false);
        }

        await WriteEventAsync(output, "[DONE]"u8.ToArray(), failure is null ? ct : CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task WriteEventAsync(Stream output, byte[] data, CancellationToken ct)
    {
        var framed = new byte[data.Length + 8];
        "data: "u8.CopyTo(framed);
        data.CopyTo(framed, 6);
        framed[^2] = (byte)'\n';
        framed[^1] = (byte)'\n';
        await output.WriteAsync(framed, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A streamed answer being sent: the engine's stream, chat or raw completion chunks, and whether usage is asked.</summary>
    private sealed record StreamedAnswer(ChatStream Stream, bool Chat, bool IncludeUsage);

    private static void RequireMethod(string method, string expected, string path)
    {
        if (!string.Equals(method, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChatServerError(405, "invalid_request_error", $"{path} takes {expected}, not {method}");
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpListenerRequest request)
    {
        int max = _options.MaxRequestBodyBytes;
        if (request.ContentLength64 > max)
        {
            throw TooLarge(max);
        }

        using var buffer = new MemoryStream(request.ContentLength64 > 0 ? (int)request.ContentLength64 : 4096);
        var chunk = new byte[16384];
        var input = request.InputStream;
        int read;
        while ((read = await input.ReadAsync(chunk, _abort.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static ChatServerError TooLarge(int max) => new(413, "invalid_request_error", $"the request body is over the limit of {max} bytes");

    /// <summary>
    /// Stops taking requests and waits for those in flight to be answered; when <paramref name="ct"/> fires
    /// first, the ones still running are cancelled (answered 503). Then the port is closed.
    /// </summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _stopping = true;
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        }

        _listener.Stop();
        _listener.Close();
        await _acceptLoop.ConfigureAwait(false);
    }

    /// <summary>Stops the server, waiting at most ten seconds for requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await StopAsync(grace.Token).ConfigureAwait(false);
        }

        _abort.Dispose();
        _slots.Dispose();
    }
}
