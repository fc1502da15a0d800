using System.Net;
using System.Text;
using System.Text.Json;
using Corpus.Synth.Engines;
using Corpus.Synth.Serving;
using Corpus.Synth.Tests.Generation;

namespace Corpus.Synth.Tests.Serving;

/// <summary>The server's own code over a scripted engine that cannot stream: encoding, the one-piece stream, a failure after the events began.</summary>
public sealed class ChatServerScriptedEngineTests : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Task.CompletedTask;
    }

    private static StringContent Body(bool stream) => new(
        $$"""{"messages": [{"role": "user", "content": "数学?"}], "stream": {{(stream ? "true" : "false")}}}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Answers_carry_non_ascii_text_as_utf8_not_escapes()
    {
        await using var server = ChatServer.Start(new FakeChatEngine(_ => FakeChatEngine.Answer("答案是 4 ✓ \"quoted\"")), new ChatServerOptions { Port = 0 });

        using var response = await _http.PostAsync(new Uri(server.BaseUrl, "v1/chat/completions"), Body(stream: false));
        var raw = await response.Content.ReadAsStringAsync();

        raw.Should().Contain("答案是 4 ✓ \\\"quoted\\\"");
        JsonDocument.Parse(raw).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().Be("答案是 4 ✓ \"quoted\"");
    }

    [Fact]
    public async Task Engine_that_cannot_stream_is_streamed_as_one_piece()
    {
        await using var server = ChatServer.Start(new FakeChatEngine(_ => FakeChatEngine.Answer("whole answer")), new ChatServerOptions { Port = 0 });

        var events = await EventsAsync(server, Body(stream: true));

        events[^1].Should().Be("[DONE]");
        var contents = events[..^1].Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0])
            .Where(c => c.GetProperty("delta").TryGetProperty("content", out var t) && t.GetString()!.Length > 0)
            .Select(c => c.GetProperty("delta").GetProperty("content").GetString()).ToList();
        contents.Should().Equal("whole answer");
    }

    [Fact]
    public async Task Engine_failing_after_the_events_began_ends_the_stream_with_an_error_event()
    {
        await using var server = ChatServer.Start(new FakeChatEngine(_ => throw new ChatEngineException("the model went away", "m.gguf"), TimeSpan.FromMilliseconds(200)), new ChatServerOptions { Port = 0 });

        var events = await EventsAsync(server, Body(stream: true));

        events.Should().HaveCount(3, "the role chunk went out before the engine failed");
        JsonDocument.Parse(events[1]).RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("the model went away");
        events[2].Should().Be("[DONE]");
    }

    [Fact]
    public async Task Stopping_the_server_mid_stream_ends_the_stream_saying_why()
    {
        var server = ChatServer.Start(new FakeChatEngine(_ => FakeChatEngine.Answer("too late"), TimeSpan.FromSeconds(30)), new ChatServerOptions { Port = 0 });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "v1/chat/completions")) { Content = Body(stream: true) };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).Should().Contain("\"role\":\"assistant\"");

        using (var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await server.StopAsync(grace.Token);
        }

        var rest = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rest.Should().HaveCount(2);
        rest[0].Should().StartWith("data: {\"error\"").And.Contain("the server is stopping");
        rest[1].Should().Be("data: [DONE]");
        await server.DisposeAsync();
    }

    private async Task<List<string>> EventsAsync(ChatServer server, HttpContent body)
    {
        var (response, events) = await ServerSentEvents.PostAsync(_http, new Uri(server.BaseUrl, "v1/chat/completions"), body);
        using (response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return events;
    }
}
