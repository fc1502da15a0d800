using System.Text.Json;
using Corpus.Synth.Engines;
using Corpus.Tests.Shared;

namespace Corpus.Synth.Tests.Engines;

public sealed class OpenAiCompatibleEngineTests
{
    private static readonly ChatRequest Hello = new()
    {
        Model = "qwen3-test",
        Messages = [ChatMessage.System("You grade documents."), ChatMessage.User("Hello there")],
        Temperature = 0.2,
        MaxTokens = 64,
        Seed = 7,
        Stop = ["</answer>"],
    };

    private static OpenAiCompatibleEngine Engine(ScriptedChatServer server, int retries = 3, TimeSpan? timeout = null, int concurrency = 16) => new(new OpenAiCompatibleEngineOptions
    {
        BaseUrl = new Uri(server.BaseUrl),
        MaxRetries = retries,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        MaxConcurrency = concurrency,
    });

    [Fact]
    public async Task Completion_returns_text_finish_reason_and_usage_and_sends_every_request_field()
    {
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer($"echo: {r.UserMessage}", "length"));
        using var engine = Engine(server);

        var completion = await engine.CompleteAsync(Hello);

        completion.Text.Should().Be("echo: Hello there");
        completion.FinishReason.Should().Be("length");
        completion.Usage.Should().Be(new ChatTokenUsage(11, 7));
        completion.Usage.TotalTokens.Should().Be(18);
        var sent = JsonDocument.Parse(server.Requests.Single().Body).RootElement;
        sent.GetProperty("model").GetString().Should().Be("qwen3-test");
        sent.GetProperty("messages").GetArrayLength().Should().Be(2);
        sent.GetProperty("messages")[0].GetProperty("role").GetString().Should().Be("system");
        sent.GetProperty("temperature").GetDouble().Should().Be(0.2);
        sent.GetProperty("max_tokens").GetInt32().Should().Be(64);
        sent.GetProperty("seed").GetInt64().Should().Be(7);
        sent.GetProperty("stop")[0].GetString().Should().Be("</answer>");
        sent.GetProperty("stream").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Sampling_fields_and_thinking_switch_go_on_the_wire_only_when_set()
    {
        await using var server = ScriptedChatServer.Start(_ => ScriptedReply.Answer("ok"));
        using var engine = Engine(server);

        await engine.CompleteAsync(Hello with { TopP = 0.8, TopK = 20, MinP = 0.05, RepetitionPenalty = 1.1, PresencePenalty = 0.5, EnableThinking = false });
        await engine.CompleteAsync(Hello);

        var bodies = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).OrderBy(b => b.TryGetProperty("top_p", out _)).ToList();
        var plain = bodies[0];
        var sampled = bodies[1];
        sampled.GetProperty("top_p").GetDouble().Should().Be(0.8);
        sampled.GetProperty("top_k").GetInt32().Should().Be(20);
        sampled.GetProperty("min_p").GetDouble().Should().Be(0.05);
        sampled.GetProperty("repetition_penalty").GetDouble().Should().Be(1.1);
        sampled.GetProperty("presence_penalty").GetDouble().Should().Be(0.5);
        sampled.GetProperty("chat_template_kwargs").GetProperty("enable_thinking").GetBoolean().Should().BeFalse();
        plain.TryGetProperty("top_k", out _).Should().BeFalse();
        plain.TryGetProperty("chat_template_kwargs", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried_until_an_answer_comes()
    {
        await using var server = ScriptedChatServer.Start(r => r.Number switch
        {
            1 => new ScriptedReply(500, "{\"error\":\"overloaded\"}"),
            2 => new ScriptedReply(429, "{\"error\":\"slow down\"}", RetryAfter: "0"),
            3 => new ScriptedReply(503, "busy"),
            _ => ScriptedReply.Answer("finally"),
        });
        using var engine = Engine(server);

        var completion = await engine.CompleteAsync(Hello);

        completion.Text.Should().Be("finally");
        server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task Retry_after_from_the_server_is_waited_out()
    {
        await using var server = ScriptedChatServer.Start(r => r.Number == 1 ? new ScriptedReply(429, "{}", RetryAfter: "1") : ScriptedReply.Answer("ok"));
        using var engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions
        {
            BaseUrl = new Uri(server.BaseUrl),
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromSeconds(5),
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (await engine.CompleteAsync(Hello)).Text.Should().Be("ok");

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Persistent_server_error_fails_naming_url_status_attempts_and_body()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply(500, "{\"error\":\"CUDA out of memory while decoding\"}"));
        using var engine = Engine(server, retries: 2);

        var act = () => engine.CompleteAsync(Hello);

        var e = (await act.Should().ThrowAsync<ChatEngineException>()).Which;
        e.Message.Should().Contain(server.BaseUrl + "/v1/chat/completions").And.Contain("HTTP 500").And.Contain("CUDA out of memory").And.Contain("3 attempts");
        e.StatusCode.Should().Be(500);
        e.Attempts.Should().Be(3);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Client_error_is_not_retried()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply(404, "{\"error\":\"model 'qwen3-test' not found\"}"));
        using var engine = Engine(server);

        var act = () => engine.CompleteAsync(Hello);

        var e = (await act.Should().ThrowAsync<ChatEngineException>()).Which;
        e.Message.Should().Contain("HTTP 404").And.Contain("model 'qwen3-test' not found");
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Garbage_body_with_status_200_is_reported_with_an_excerpt()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply(200, "<html>proxy login page</html>"));
        using var engine = Engine(server);

        var act = () => engine.CompleteAsync(Hello);

        (await act.Should().ThrowAsync<ChatEngineException>()).Which.Message
            .Should().Contain("not JSON").And.Contain("<html>proxy login page</html>").And.Contain(server.BaseUrl);
    }

    [Fact]
    public async Task Json_without_choices_is_reported()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply(200, "{\"object\":\"error\",\"message\":\"bad\"}"));
        using var engine = Engine(server);

        var act = () => engine.CompleteAsync(Hello);

        (await act.Should().ThrowAsync<ChatEngineException>()).Which.Message.Should().Contain("no choices[0].message.content");
    }

    [Fact]
    public async Task Slow_answer_times_out_is_retried_and_then_succeeds()
    {
        await using var server = ScriptedChatServer.Start(r => r.Number == 1
            ? ScriptedReply.Answer("too late") with { Delay = TimeSpan.FromSeconds(3) }
            : ScriptedReply.Answer("in time"));
        using var engine = Engine(server, timeout: TimeSpan.FromMilliseconds(400));

        var completion = await engine.CompleteAsync(Hello);

        completion.Text.Should().Be("in time");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_fail_saying_timeout()
    {
        await using var server = ScriptedChatServer.Start(_ => ScriptedReply.Answer("never") with { Delay = TimeSpan.FromSeconds(3) });
        using var engine = Engine(server, retries: 1, timeout: TimeSpan.FromMilliseconds(300));

        var act = () => engine.CompleteAsync(Hello);

        var e = (await act.Should().ThrowAsync<ChatEngineException>()).Which;
        e.Message.Should().Contain("timeout").And.Contain("2 attempts").And.Contain(server.BaseUrl);
        e.StatusCode.Should().BeNull();
    }

    [Fact]
    public async Task Refused_connection_fails_naming_the_url()
    {
        string url;
        await using (var gone = ScriptedChatServer.Start(_ => ScriptedReply.Answer("x")))
        {
            url = gone.BaseUrl;
        }

        using var engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = new Uri(url), MaxRetries = 1, InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var act = () => engine.CompleteAsync(Hello);

        (await act.Should().ThrowAsync<ChatEngineException>()).Which.Message.Should().Contain(url).And.Contain("connection failed");
    }

    [Fact]
    public async Task Requests_in_flight_never_exceed_the_concurrency_limit()
    {
        await using var server = ScriptedChatServer.Start(r => ScriptedReply.Answer(r.UserMessage) with { Delay = TimeSpan.FromMilliseconds(100) });
        using var engine = Engine(server, concurrency: 3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => engine.CompleteAsync(Hello with { Messages = [ChatMessage.User($"q{i}")] })));

        answers.Select(a => a.Text).Should().Equal(Enumerable.Range(0, 12).Select(i => $"q{i}"));
        server.MaxInFlight.Should().BeInRange(2, 3);
    }

    [Theory]
    [InlineData("http://h:8000", "http://h:8000/v1/chat/completions")]
    [InlineData("http://h:8000/", "http://h:8000/v1/chat/completions")]
    [InlineData("http://h:8000/v1", "http://h:8000/v1/chat/completions")]
    [InlineData("http://h:8000/v1/", "http://h:8000/v1/chat/completions")]
    [InlineData("https://gpu.example/qwen", "https://gpu.example/qwen/v1/chat/completions")]
    public void Endpoint_is_base_url_plus_v1_chat_completions_once(string baseUrl, string expected)
    {
        using var engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = new Uri(baseUrl) });

        engine.Endpoint.ToString().Should().Be(expected);
    }

    [Fact]
    public async Task Thinking_budget_takes_two_requests_reasoning_then_a_raw_completion_for_the_answer()
    {
        await using var server = ScriptedChatServer.Start(r => r.Path == "/v1/completions"
            ? ScriptedReply.Text("The answer is 4.", completionTokens: 5)
            : ScriptedReply.Answer("<think>\nTwo and two make four", "length"));
        using var engine = Engine(server);
        var request = new ChatRequest { Model = "qwen3-test", Messages = [ChatMessage.User("What is 2 + 2?")], MaxTokens = 100, ThinkingBudget = 30, Seed = 3, Stop = ["</answer>"] };

        var completion = await engine.CompleteAsync(request);

        completion.Text.Should().Be("<think>\nTwo and two make four\n</think>\n\nThe answer is 4.");
        completion.Usage.Should().Be(new ChatTokenUsage(11, 7 + 3 + 5));
        var requests = server.Requests.OrderBy(r => r.Number).ToList();
        requests.Select(r => r.Path).Should().Equal("/v1/chat/completions", "/v1/completions");
        var first = System.Text.Json.JsonDocument.Parse(requests[0].Body).RootElement;
        first.GetProperty("max_tokens").GetInt32().Should().Be(30);
        first.GetProperty("stop").EnumerateArray().Select(e => e.GetString()).Should().Equal("</answer>", "</think>");
        var second = System.Text.Json.JsonDocument.Parse(requests[1].Body).RootElement;
        second.GetProperty("prompt").GetString().Should().Be("<|im_start|>user\nWhat is 2 + 2?<|im_end|>\n<|im_start|>assistant\n<think>\nTwo and two make four\n</think>\n\n");
        second.GetProperty("max_tokens").GetInt32().Should().Be(100 - 7 - 3, "what is left of max_tokens after the reasoning and the close");
        second.GetProperty("seed").GetInt64().Should().Be(3);
        second.GetProperty("stop").EnumerateArray().Select(e => e.GetString()).Should().Equal("</answer>");
        second.TryGetProperty("messages", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Budget_at_least_max_tokens_or_thinking_off_is_one_chat_request()
    {
        await using var server = ScriptedChatServer.Start(_ => ScriptedReply.Answer("ok"));
        using var engine = Engine(server);

        await engine.CompleteAsync(Hello with { ThinkingBudget = 64 });
        await engine.CompleteAsync(Hello with { ThinkingBudget = 8, EnableThinking = false });

        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Path == "/v1/chat/completions" && !r.Body.Contains("</think>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reasoning_a_server_splits_off_comes_back_in_the_text()
    {
        await using var server = ScriptedChatServer.Start(_ => new ScriptedReply(200, """{"choices": [{"message": {"role": "assistant", "content": "4", "reasoning_content": "two and two"}, "finish_reason": "stop"}]}"""));
        using var engine = Engine(server);

        var completion = await engine.CompleteAsync(Hello);

        completion.Text.Should().Be("<think>\ntwo and two\n</think>\n\n4");
        ThinkingText.Split(completion.Text).Should().Be(new ThinkingSplit("two and two", "4"));
    }
}
