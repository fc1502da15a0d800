using Corpus.Synth.Engines;
using Corpus.Tests.Shared;

namespace Corpus.Synth.Tests.Engines;

[Collection(TinyLlamaCollection.Name)]
public sealed class ChatEnginesTests(TinyLlamaFixture fixture)
{
    private static ChatRequest Ask(string text) => new() { Model = "tiny", Messages = [new ChatMessage("user", text)], MaxTokens = 4, Seed = 1 };

    [Fact]
    public async Task The_llama_choice_loads_the_gguf_and_answers()
    {
        using var engine = ChatEngines.LoadLlama(new ChatEngineChoice { Engine = "llama", Model = fixture.ModelPath, Parallel = 3, ContextSize = 1024, Threads = 1, MaxTokens = 8 });

        var answer = await engine.CompleteAsync(Ask("Add 2 and 3."));

        answer.Usage.CompletionTokens.Should().BeInRange(1, 4);
        engine.Statistics.Requests.Should().Be(1);
    }

    [Fact]
    public async Task The_openai_choice_talks_to_the_endpoint_with_its_key()
    {
        await using var server = ScriptedChatServer.Start(_ => ScriptedReply.Answer("five"));
        var engine = ChatEngines.Create(new ChatEngineChoice { Engine = "openai", Endpoint = new Uri(server.BaseUrl), Parallel = 2, ApiKey = "k-123" });
        using var dispose = engine as IDisposable;

        var answer = await engine.CompleteAsync(Ask("Add 2 and 3."));

        answer.Text.Should().Be("five");
        server.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer k-123");
    }

    [Fact]
    public void A_missing_model_file_or_an_unknown_engine_is_refused_by_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "corpus-no-such-model.gguf");

        FluentActions.Invoking(() => ChatEngines.Create(new ChatEngineChoice { Engine = "llama", Model = missing }))
            .Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");
        FluentActions.Invoking(() => ChatEngines.Create(new ChatEngineChoice { Engine = "vllm" }))
            .Should().Throw<ArgumentException>().WithMessage("*vllm*");
    }
}
