using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Corpus.Tests.Shared;

/// <summary>A request the scripted server received: its number (from 1), the model, the last user message (a raw completion's prompt) and the raw body.</summary>
internal sealed record ScriptedChatRequest(int Number, string Model, string UserMessage, string Body)
{
    /// <summary>The route: <c>/v1/chat/completions</c>, or <c>/v1/completions</c> for a raw prompt.</summary>
    public string Path { get; init; } = "/v1/chat/completions";

    /// <summary>The request's <c>Authorization</c> header, if it had one.</summary>
    public string? Authorization { get; init; }
}

/// <summary>What the scripted server answers: an HTTP status, a body, an optional delay and Retry-After header.</summary>
internal sealed record ScriptedReply(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null)
{
    /// <summary>A 200 chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static ScriptedReply Answer(string content, string finishReason = "stop") => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-scripted",
        @object = "chat.completion",
        model = "scripted",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    }));

    /// <summary>A 200 text completion (the answer of <c>/v1/completions</c>) whose text is <paramref name="text"/>.</summary>
    public static ScriptedReply Text(string text, string finishReason = "stop", int completionTokens = 7) => new(200, JsonSerializer.Serialize(new
    {
        id = "cmpl-scripted",
        @object = "text_completion",
        model = "scripted",
        choices = new[] { new { index = 0, text, finish_reason = finishReason } },
        usage = new { prompt_tokens = 11, completion_tokens = completionTokens, total_tokens = 11 + completionTokens },
    }));
}

/// <summary>
/// A real OpenAI-compatible HTTP server on 127.0.0.1 (a free port) that answers
/// <c>POST /v1/chat/completions</c> and <c>POST /v1/completions</c> with whatever its script decides for each request. It logs every
/// request and the most requests it saw in flight at once.
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<ScriptedChatRequest, ScriptedReply> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private int _count;
    private int _inFlight;
    private int _maxInFlight;

    private ScriptedChatServer(HttpListener listener, string baseUrl, Func<ScriptedChatRequest, ScriptedReply> script, int loops)
    {
        _listener = listener;
        _script = script;
        BaseUrl = baseUrl;
        _loops = Enumerable.Range(0, loops).Select(_ => Task.Run(AcceptLoopAsync)).ToArray();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<ScriptedChatRequest> Requests { get; } = new();

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static ScriptedChatServer Start(Func<ScriptedChatRequest, ScriptedReply> script, int acceptLoops = 32)
    {
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

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

            return new ScriptedChatServer(listener, baseUrl, script, acceptLoops);
        }
    }

    private async Task AcceptLoopAsync()
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

            await ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen)
            {
                break;
            }
        }

        var response = context.Response;
        var counted = true;
        try
        {
            ScriptedReply reply;
            var path = context.Request.Url?.AbsolutePath;
            if (context.Request.HttpMethod != "POST" || path is not ("/v1/chat/completions" or "/v1/completions"))
            {
                reply = new ScriptedReply(404, "{\"error\":\"not found\"}");
            }
            else
            {
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync(_stop.Token);
                }

                using var json = JsonDocument.Parse(body);
                var model = json.RootElement.GetProperty("model").GetString() ?? string.Empty;
                var user = path == "/v1/completions"
                    ? json.RootElement.GetProperty("prompt").GetString() ?? string.Empty
                    : json.RootElement.GetProperty("messages").EnumerateArray()
                        .LastOrDefault(m => m.GetProperty("role").GetString() == "user") is { ValueKind: JsonValueKind.Object } m
                        ? TextOf(m.GetProperty("content"))
                        : string.Empty;
                var request = new ScriptedChatRequest(Interlocked.Increment(ref _count), model, user, body) { Path = path, Authorization = context.Request.Headers["Authorization"] };
                Requests.Enqueue(request);
                reply = _script(request);
            }

            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            // The request stops counting as in flight before its answer goes out: once the client has the
            // answer it may send its next request, which must not find this one still counted.
            Interlocked.Decrement(ref _inFlight);
            counted = false;
            response.StatusCode = reply.Status;
            response.ContentType = "application/json";
            if (reply.RetryAfter is not null)
            {
                response.AddHeader("Retry-After", reply.RetryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stop.Token);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _inFlight);
            }

            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A message's text: the string, or the text parts of a multimodal content array joined by newlines.</summary>
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text")
            .Select(p => p.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
