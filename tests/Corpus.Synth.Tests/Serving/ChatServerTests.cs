using System.Net;
using System.Text;
using System.Text.Json;
using Corpus.Synth.Engines;
using Corpus.Synth.Serving;
using Corpus.Synth.Tests.Engines;

namespace Corpus.Synth.Tests.Serving;

[Collection(TinyLlamaCollection.Name)]
public sealed class ChatServerTests(TinyLlamaFixture fixture) : IAsyncLifetime
{
    private ChatServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public Task InitializeAsync()
    {
        _server = ChatServer.Start(fixture.Engine, new ChatServerOptions { ModelName = "tiny-qwen3", Port = 0 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private Uri Url(string path) => new(_server.BaseUrl, path);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Url(path), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Chat(int i, int maxTokens) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["model"] = "tiny-qwen3",
        ["messages"] = new[] { new { role = "system", content = "You write math problems." }, new { role = "user", content = $"Problem {i}: add {i} and {i * 3}." } },
        ["max_tokens"] = maxTokens,
        ["seed"] = i,
        ["temperature"] = 1.0,
        ["top_k"] = 40,
        ["stop"] = "\n\n\n",
        ["chat_template_kwargs"] = new { enable_thinking = false },
    });

    [Fact]
    public async Task Models_lists_the_served_model_id()
    {
        using var response = await _http.GetAsync(Url("v1/models"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("object").GetString().Should().Be("list");
        body.GetProperty("data")[0].GetProperty("id").GetString().Should().Be("tiny-qwen3");
    }

    [Fact]
    public async Task Twelve_concurrent_chat_requests_all_succeed_within_max_tokens_and_share_engine_batches()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostAsync("v1/chat/completions", Chat(i, maxTokens: 6 + (i % 3)))));

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK);
        foreach (var (i, (_, body)) in answers.Index())
        {
            body.GetProperty("object").GetString().Should().Be("chat.completion");
            body.GetProperty("model").GetString().Should().Be("tiny-qwen3");
            var choice = body.GetProperty("choices")[0];
            choice.GetProperty("message").GetProperty("role").GetString().Should().Be("assistant");
            choice.GetProperty("finish_reason").GetString().Should().BeOneOf("stop", "length");
            var usage = body.GetProperty("usage");
            usage.GetProperty("completion_tokens").GetInt32().Should().BeInRange(1, 6 + (i % 3));
            usage.GetProperty("prompt_tokens").GetInt32().Should().BeGreaterThan(10);
            usage.GetProperty("total_tokens").GetInt32().Should().Be(usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32());
        }

        fixture.Engine.Statistics.MaxActiveSequences.Should().BeGreaterThanOrEqualTo(4, "concurrent HTTP requests reach the engine together and share a batch");
    }

    [Fact]
    public async Task OpenAi_compatible_engine_through_the_server_gives_the_same_text_as_the_engine_directly()
    {
        var request = new ChatRequest
        {
            Model = "tiny-qwen3",
            Messages = [ChatMessage.System("Be brief."), ChatMessage.User("What is 12 times 7?")],
            MaxTokens = 10,
            Seed = 1234,
            Temperature = 0.8,
            TopP = 0.95,
            TopK = 20,
            EnableThinking = false,
        };
        using var client = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = _server.BaseUrl, MaxRetries = 0 });

        var direct = await fixture.Engine.CompleteAsync(request);
        var served = await client.CompleteAsync(request);

        served.Text.Should().Be(direct.Text);
        served.FinishReason.Should().Be(direct.FinishReason);
        served.Usage.Should().Be(direct.Usage);
    }

    [Fact]
    public async Task Raw_completion_decodes_the_prompt_without_the_chat_template()
    {
        var (status, body) = await PostAsync("v1/completions", """{"prompt": "<|im_start|>user\nCount to three.<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n", "max_tokens": 5, "seed": 3, "chat_template_kwargs": {"enable_thinking": false}}""");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("object").GetString().Should().Be("text_completion");
        // The same tokens as the chat template renders for one user turn without thinking, so the same text.
        var direct = await fixture.Engine.CompleteAsync(new ChatRequest { Model = "x", Messages = [ChatMessage.User("Count to three.")], MaxTokens = 5, Seed = 3, EnableThinking = false });
        body.GetProperty("choices")[0].GetProperty("text").GetString().Should().Be(direct.Text);
        body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32().Should().Be(direct.Usage.PromptTokens);
    }

    private Task<(HttpResponseMessage Response, List<string> Events)> StreamAsync(string path, string json) =>
        ServerSentEvents.PostAsync(_http, Url(path), new StringContent(json, Encoding.UTF8, "application/json"));

    private static string WithStream(string json, bool includeUsage)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var fields = body.ToDictionary(p => p.Key, p => (object)p.Value);
        fields["stream"] = true;
        if (includeUsage)
        {
            fields["stream_options"] = new { include_usage = true };
        }

        return JsonSerializer.Serialize(fields);
    }

    [Fact]
    public async Task Streamed_chat_sends_role_then_text_chunks_then_finish_usage_and_done_joining_to_the_unstreamed_answer()
    {
        var json = Chat(7, maxTokens: 24);
        var (_, whole) = await PostAsync("v1/chat/completions", json);

        var (response, events) = await StreamAsync("v1/chat/completions", WithStream(json, includeUsage: true));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        events[^1].Should().Be("[DONE]");
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
        chunks.Select(c => c.GetProperty("id").GetString()).Distinct().Should().ContainSingle("every chunk of one answer has its id");
        chunks.Should().OnlyContain(c => c.GetProperty("model").GetString() == "tiny-qwen3");
        var withChoices = chunks.Where(c => c.GetProperty("choices").GetArrayLength() == 1).ToList();
        withChoices.Should().OnlyContain(c => c.GetProperty("object").GetString() == "chat.completion.chunk");
        withChoices[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString().Should().Be("assistant");
        var texts = withChoices.Skip(1).SkipLast(1).Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()).ToList();
        texts.Count.Should().BeGreaterThan(3, "text arrives piece by piece");
        var wholeChoice = whole.GetProperty("choices")[0];
        string.Concat(texts).Should().Be(wholeChoice.GetProperty("message").GetProperty("content").GetString(), "the same seed streamed or not");
        withChoices[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be(wholeChoice.GetProperty("finish_reason").GetString());
        withChoices.SkipLast(1).Should().OnlyContain(c => c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind == JsonValueKind.Null);
        chunks[^1].GetProperty("choices").GetArrayLength().Should().Be(0, "the usage chunk comes last, without choices");
        chunks[^1].GetProperty("usage").GetRawText().Should().Be(whole.GetProperty("usage").GetRawText());
    }

    [Fact]
    public async Task Streamed_raw_completion_sends_text_chunks_joining_to_the_unstreamed_text()
    {
        const string Json = """{"prompt": "<|im_start|>user\nCount.<|im_end|>\n<|im_start|>assistant\n", "max_tokens": 10, "seed": 5}""";
        var (_, whole) = await PostAsync("v1/completions", Json);

        var (_, events) = await StreamAsync("v1/completions", WithStream(Json, includeUsage: false));

        events[^1].Should().Be("[DONE]");
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
        chunks.Should().OnlyContain(c => c.GetProperty("object").GetString() == "text_completion");
        chunks.Should().NotContain(c => c.EnumerateObject().Any(p => p.Name == "usage"), "usage comes only when asked");
        string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("text").GetString())).Should().Be(whole.GetProperty("choices")[0].GetProperty("text").GetString());
        chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be(whole.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Client_leaving_a_stream_cancels_its_generation_and_frees_the_slot()
    {
        using var engine = LlamaEngine.Load(new LlamaEngineOptions { ModelPath = fixture.ModelPath, MaxSequences = 1, ContextSize = 4096, Threads = 1 });
        await using var server = ChatServer.Start(engine, new ChatServerOptions { Port = 0 });
        var url = new Uri(server.BaseUrl, "v1/chat/completions");
        const int Long = 3000;
        using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(WithStream(Chat(3, Long), includeUsage: false), Encoding.UTF8, "application/json") })
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            (await reader.ReadLineAsync()).Should().StartWith("data: ");
        }

        // One slot: this request runs only once the abandoned one has given its slot back.
        using var content = new StringContent(Chat(4, maxTokens: 3), Encoding.UTF8, "application/json");
        using var next = await _http.PostAsync(url, content);

        next.StatusCode.Should().Be(HttpStatusCode.OK);
        engine.Statistics.GeneratedTokens.Should().BeLessThan(Long, "the abandoned stream stopped generating when its client left");
    }

    [Fact]
    public async Task Streamed_request_the_engine_refuses_is_an_error_before_any_event()
    {
        var (status, body) = await PostAsync("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "max_tokens": 100000, "stream": true}""");

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.GetProperty("error").GetProperty("message").GetString().Should().Contain("does not fit the context");
    }

    [Theory]
    [InlineData("v1/chat/completions", "{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("v1/chat/completions", """{"model": "m"}""", HttpStatusCode.BadRequest, "'messages' is required")]
    [InlineData("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "stream": "yes"}""", HttpStatusCode.BadRequest, "'stream' must be true or false")]
    [InlineData("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "max_tokens": "ten"}""", HttpStatusCode.BadRequest, "'max_tokens' must be an integer")]
    [InlineData("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "max_tokens": 0}""", HttpStatusCode.BadRequest, "MaxTokens")]
    [InlineData("v1/completions", """{"max_tokens": 3}""", HttpStatusCode.BadRequest, "'prompt' is required")]
    [InlineData("v1/embeddings", """{"input": "x"}""", HttpStatusCode.NotFound, "no route POST /v1/embeddings")]
    public async Task Bad_requests_get_an_openai_style_error(string path, string json, HttpStatusCode expected, string message)
    {
        var (status, body) = await PostAsync(path, json);

        status.Should().Be(expected);
        body.GetProperty("error").GetProperty("message").GetString().Should().Contain(message);
        body.GetProperty("error").GetProperty("type").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Request_that_does_not_fit_the_context_is_a_server_error_naming_the_reason()
    {
        var (status, body) = await PostAsync("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "max_tokens": 100000}""");

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.GetProperty("error").GetProperty("message").GetString().Should().Contain("does not fit the context");
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413()
    {
        await using var small = ChatServer.Start(fixture.Engine, new ChatServerOptions { Port = 0, MaxRequestBodyBytes = 100 });
        using var content = new StringContent(new string(' ', 500) + "{}", Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync(new Uri(small.BaseUrl, "v1/chat/completions"), content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
