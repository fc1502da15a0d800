using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Corpus.Synth.Engines;

/// <summary>
/// A client for OpenAI-compatible chat servers (vLLM, SGLang, llama-server, <c>corpus serve</c>):
/// POSTs to <c>{BaseUrl}/v1/chat/completions</c>, keeps at most
/// <see cref="OpenAiCompatibleEngineOptions.MaxConcurrency"/> requests in flight, gives each attempt
/// <see cref="OpenAiCompatibleEngineOptions.RequestTimeout"/>, and retries HTTP 429, 5xx, timeouts and
/// broken connections with doubling back-off (honouring <c>Retry-After</c>). Other failures, and
/// answers that are not a chat completion, throw <see cref="ChatEngineException"/> at once.
/// </summary>
public sealed class OpenAiCompatibleEngine : IChatEngine, IDisposable
{
    private const int ExcerptChars = 300;
    private readonly OpenAiCompatibleEngineOptions _options;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate;
    private readonly Uri _url;
    private readonly Uri _completionsUrl;

    /// <summary>Creates an engine for the server at <see cref="OpenAiCompatibleEngineOptions.BaseUrl"/>.</summary>
    public OpenAiCompatibleEngine(OpenAiCompatibleEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RequestTimeout must be positive");
        }

        if (options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"base URL '{options.BaseUrl}' is not http or https", nameof(options));
        }

        _options = options;
        _url = ChatCompletionsUrl(options.BaseUrl);
        _completionsUrl = new Uri(_url.ToString()[..^"/chat/completions".Length] + "/completions");
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.MaxConcurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.ApiKey is { } key)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _url;

    /// <inheritdoc/>
    /// <remarks>
    /// A thinking request with a <see cref="ChatRequest.ThinkingBudget"/> below its <see cref="ChatRequest.MaxTokens"/>
    /// takes two steps (servers have no budget of their own): first the chat request with
    /// <c>max_tokens</c> = the budget and <c>&lt;/think&gt;</c> as a stop string, which returns the reasoning;
    /// then a raw <c>/v1/completions</c> request whose prompt is the Qwen3 chat template rendered here,
    /// <c>&lt;think&gt;\n</c>, the reasoning and <c>\n&lt;/think&gt;\n\n</c>, for the answer, with
    /// <c>max_tokens</c> what is left of <see cref="ChatRequest.MaxTokens"/>. The text returned is
    /// <c>&lt;think&gt;\n</c> + reasoning + <c>\n&lt;/think&gt;\n\n</c> + answer, as one completion would read. The
    /// budget is counted by the server, in tokens generated, and, when
    /// <see cref="OpenAiCompatibleEngineOptions.CountTokens"/> is set, the reasoning is then cut back until
    /// that count fits.
    /// </remarks>
    public async Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Messages.Count == 0 && request.RawPrompt is null)
        {
            throw new ArgumentException("a chat request needs at least one message", nameof(request));
        }

        if (request.RawPrompt is null && request.ThinkingBudget is { } budget && ThinkingSwitch.Resolve(request)
            && (request.MaxTokens is not { } max || budget < max))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(request.ThinkingBudget));
            return await ThinkWithinBudgetAsync(request, budget, ct).ConfigureAwait(false);
        }

        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    private async Task<ChatCompletion> ThinkWithinBudgetAsync(ChatRequest request, int budget, CancellationToken ct)
    {
        string thinking = string.Empty;
        int prompt = 0;
        int used = 0;
        if (budget > 0)
        {
            var first = await SendAsync(request with { MaxTokens = budget, Stop = [.. request.Stop, ThinkingText.Close], ThinkingBudget = null }, ct).ConfigureAwait(false);
            // The reasoning is the text up to </think> (the stop string); a server whose template opens
            // <think> itself returns it without the tag.
            thinking = ThinkingText.Split(first.Text).Thinking ?? first.Text.Trim();
            if (_options.CountTokens is { } count)
            {
                thinking = FitBudget(thinking, budget, count);
            }

            prompt = first.Usage.PromptTokens;
            used = first.Usage.CompletionTokens > 0 ? first.Usage.CompletionTokens : budget;
        }

        var closed = ThinkingText.Open + "\n" + thinking + ThinkingText.ForcedClose;
        const int ForcedTokens = 3; // "\n", "</think>", "\n\n"
        int? left = request.MaxTokens is { } max ? max - used - ForcedTokens : null;
        if (left is < 1)
        {
            return new ChatCompletion(closed, "length", new ChatTokenUsage(prompt, used + ForcedTokens));
        }

        var raw = QwenChatTemplate.Render(request.Messages, enableThinking: true) + closed;
        var answer = await SendAsync(request with { RawPrompt = raw, MaxTokens = left, ThinkingBudget = null }, ct).ConfigureAwait(false);
        return new ChatCompletion(
            closed + answer.Text,
            answer.FinishReason,
            new ChatTokenUsage(prompt > 0 ? prompt : answer.Usage.PromptTokens, used + ForcedTokens + answer.Usage.CompletionTokens));
    }

    /// <summary>The longest prefix of <paramref name="thinking"/> (whole UTF-16 characters, trimmed) that counts at most <paramref name="budget"/> tokens.</summary>
    internal static string FitBudget(string thinking, int budget, Func<string, int> count)
    {
        if (count(thinking) <= budget)
        {
            return thinking;
        }

        // The empty prefix fits and the whole text does not: halve the gap between them.
        int low = 0;
        int high = thinking.Length;
        while (high - low > 1)
        {
            int mid = low + ((high - low) / 2);
            if (char.IsLowSurrogate(thinking[mid]) && mid - 1 > low)
            {
                mid--;
            }

            if (count(thinking[..mid].Trim()) <= budget)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var fit = thinking[..low].Trim();
        while (fit.Length > 0 && count(fit) > budget)
        {
            fit = fit[..^1].Trim();
        }

        return fit;
    }

    private async Task<ChatCompletion> SendAsync(ChatRequest request, CancellationToken ct)
    {
        var (url, body, parse) = request.RawPrompt is { } raw
            ? (_completionsUrl, JsonSerializer.SerializeToUtf8Bytes(ToCompletionWire(request, raw), OpenAiJson.Default.OpenAiCompletionRequest), (Func<string, string, int, int, ChatCompletion>)ParseText)
            : (_url, JsonSerializer.SerializeToUtf8Bytes(ToWire(request), OpenAiJson.Default.OpenAiChatRequest), Parse);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await SendWithRetriesAsync(url, body, parse, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ChatCompletion> SendWithRetriesAsync(Uri target, byte[] body, Func<string, string, int, int, ChatCompletion> parse, CancellationToken ct)
    {
        var url = target.ToString();
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception? inner = null;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                attemptCts.CancelAfter(_options.RequestTimeout);
                try
                {
                    using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
                    var text = await response.Content.ReadAsStringAsync(attemptCts.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return parse(text, url, status.Value, attempt);
                    }

                    failure = $"HTTP {status} {response.ReasonPhrase}: {Excerpt(text)}";
                    if (!IsRetryable(response.StatusCode))
                    {
                        throw new ChatEngineException($"chat request to {url} failed: {failure}", url, status, attempt);
                    }

                    retryAfter = RetryAfter(response);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    failure = $"no answer within {_options.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (timeout)";
                    inner = e;
                }
                catch (HttpRequestException e)
                {
                    failure = $"connection failed: {e.Message}";
                    inner = e;
                }
            }

            if (attempt > _options.MaxRetries)
            {
                var tries = attempt == 1 ? "1 attempt" : $"{attempt} attempts";
                throw new ChatEngineException($"chat request to {url} failed after {tries}: {failure}", url, status, attempt, inner);
            }

            await Task.Delay(Backoff(attempt, retryAfter), ct).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var doubling = _options.InitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var wait = retryAfter is { } r && r > doubling ? r : doubling;
        return wait > _options.MaxBackoff ? _options.MaxBackoff : wait;
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static ChatCompletion Parse(string text, string url, int status, int attempt)
    {
        OpenAiChatResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(text, OpenAiJson.Default.OpenAiChatResponse);
        }
        catch (JsonException e)
        {
            throw new ChatEngineException($"chat request to {url}: HTTP {status} but the body is not JSON ({e.Message}): {Excerpt(text)}", url, status, attempt, e);
        }

        if (response?.Choices is not [{ Message.Content: { } content } choice, ..])
        {
            throw new ChatEngineException($"chat request to {url}: HTTP {status} but the body has no choices[0].message.content: {Excerpt(text)}", url, status, attempt);
        }

        var usage = response.Usage is { } u ? new ChatTokenUsage(u.PromptTokens, u.CompletionTokens) : ChatTokenUsage.None;
        // A server that splits the reasoning off (a reasoning parser) gets it back in the text, as the model wrote it.
        var answer = choice.Message.ReasoningContent is { Length: > 0 } reasoning
            ? ThinkingText.Open + "\n" + reasoning + "\n" + ThinkingText.Close + "\n\n" + content
            : content;
        return new ChatCompletion(answer, choice.FinishReason, usage);
    }

    private static ChatCompletion ParseText(string text, string url, int status, int attempt)
    {
        OpenAiCompletionResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(text, OpenAiJson.Default.OpenAiCompletionResponse);
        }
        catch (JsonException e)
        {
            throw new ChatEngineException($"completion request to {url}: HTTP {status} but the body is not JSON ({e.Message}): {Excerpt(text)}", url, status, attempt, e);
        }

        if (response?.Choices is not [{ Text: { } content } choice, ..])
        {
            throw new ChatEngineException($"completion request to {url}: HTTP {status} but the body has no choices[0].text: {Excerpt(text)}", url, status, attempt);
        }

        var usage = response.Usage is { } u ? new ChatTokenUsage(u.PromptTokens, u.CompletionTokens) : ChatTokenUsage.None;
        return new ChatCompletion(content, choice.FinishReason, usage);
    }

    private static OpenAiCompletionRequest ToCompletionWire(ChatRequest request, string prompt) =>
        WithSampling(new OpenAiCompletionRequest { Prompt = prompt }, request);

    private static OpenAiChatRequest ToWire(ChatRequest request) =>
        WithSampling(new OpenAiChatRequest { Messages = request.Messages.Select(m => new OpenAiMessage { Role = m.Role, Content = m.Content }).ToList() }, request);

    /// <summary>Sets the model and sampling fields every request body carries from <paramref name="request"/>.</summary>
    private static T WithSampling<T>(T wire, ChatRequest request)
        where T : OpenAiSamplingRequest
    {
        wire.Model = request.Model;
        wire.Temperature = request.Temperature;
        wire.MaxTokens = request.MaxTokens;
        wire.Seed = request.Seed;
        wire.Stop = request.Stop.Count > 0 ? [.. request.Stop] : null;
        wire.TopP = request.TopP;
        wire.TopK = request.TopK;
        wire.MinP = request.MinP;
        wire.RepetitionPenalty = request.RepetitionPenalty;
        wire.PresencePenalty = request.PresencePenalty;
        wire.ChatTemplateKwargs = request.EnableThinking is { } thinking ? new OpenAiChatTemplateKwargs { EnableThinking = thinking } : null;
        return wire;
    }

    internal static Uri ChatCompletionsUrl(Uri baseUrl)
    {
        var root = baseUrl.ToString().TrimEnd('/');
        if (root.EndsWith("/v1", StringComparison.Ordinal))
        {
            root = root[..^3];
        }

        return new Uri(root + "/v1/chat/completions");
    }

    /// <summary>The start of a body, on one line, for error messages.</summary>
    internal static string Excerpt(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }

        var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= ExcerptChars ? flat : string.Concat(flat.AsSpan(0, ExcerptChars), "…");
    }

    /// <summary>Closes the HTTP connections.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
