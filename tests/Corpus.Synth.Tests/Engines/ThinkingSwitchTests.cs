using Corpus.Synth.Engines;

namespace Corpus.Synth.Tests.Engines;

[Collection(TinyLlamaCollection.Name)]
public sealed class ThinkingSwitchTests(TinyLlamaFixture fixture)
{
    [Theory]
    [InlineData("What is 2+2? /no_think", false)]
    [InlineData("/think Prove it.", true)]
    [InlineData("Answer briefly /no_think, then /think again.", true)]
    [InlineData("Quick one /no_think.", false)]
    [InlineData("See /usr/share/think or a/no_think or /thinking or /no_think_now", null)]
    [InlineData("No switch here.", null)]
    public void Latest_soft_switch_of_a_message_decides(string text, bool? expected) =>
        ThinkingSwitch.Of([ChatMessage.User(text)]).Should().Be(expected);

    [Fact]
    public void Latest_message_with_a_switch_wins_and_assistant_turns_do_not_count()
    {
        ThinkingSwitch.Of([ChatMessage.System("Be terse /no_think"), ChatMessage.User("Why? /think")]).Should().BeTrue();
        ThinkingSwitch.Of([ChatMessage.User("Why? /think"), ChatMessage.Assistant("Because. /no_think"), ChatMessage.User("And then?")]).Should().BeTrue();
        ThinkingSwitch.Of([ChatMessage.User("Why? /think"), ChatMessage.User("Short answer /no_think")]).Should().BeFalse();
    }

    [Fact]
    public void Explicit_enable_thinking_overrides_the_soft_switch()
    {
        var request = new ChatRequest { Model = "m", Messages = [ChatMessage.User("Hi /no_think")] };

        ThinkingSwitch.Resolve(request).Should().BeFalse();
        ThinkingSwitch.Resolve(request with { EnableThinking = true }).Should().BeTrue();
        ThinkingSwitch.Resolve(request with { Messages = [ChatMessage.User("Hi")] }).Should().BeTrue("Qwen3 thinks by default");
    }

    [Fact]
    public async Task No_think_in_the_prompt_renders_the_empty_think_block_in_the_llama_engine()
    {
        var switched = await fixture.Engine.CompleteAsync(new ChatRequest { Model = "m", Messages = [ChatMessage.User("Add 2 and 2. /no_think")], MaxTokens = 1, Seed = 1 });
        var explicitOff = await fixture.Engine.CompleteAsync(new ChatRequest { Model = "m", Messages = [ChatMessage.User("Add 2 and 2. /no_think")], MaxTokens = 1, Seed = 1, EnableThinking = false });
        var on = await fixture.Engine.CompleteAsync(new ChatRequest { Model = "m", Messages = [ChatMessage.User("Add 2 and 2. /no_think")], MaxTokens = 1, Seed = 1, EnableThinking = true });

        switched.Usage.PromptTokens.Should().Be(explicitOff.Usage.PromptTokens);
        on.Usage.PromptTokens.Should().BeLessThan(switched.Usage.PromptTokens, "without the switch's effect the empty think block is not in the prompt");
    }
}
