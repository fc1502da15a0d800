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

    [Theory]
    [InlineData("v1/chat/completions", "{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("v1/chat/completions", """{"model": "m"}""", HttpStatusCode.BadRequest, "'messages' is required")]
    [InlineData("v1/chat/completions", """{"messages": [{"role": "user", "content": "hi"}], "stream": true}""", HttpStatusCode.BadRequest, "'stream': true is not supported")]
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
