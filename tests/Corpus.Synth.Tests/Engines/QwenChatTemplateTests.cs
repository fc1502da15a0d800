using Corpus.Synth.Engines;

namespace Corpus.Synth.Tests.Engines;

public sealed class QwenChatTemplateTests
{
    [Fact]
    public void Thinking_off_renders_chatml_with_the_empty_think_block()
    {
        var text = QwenChatTemplate.Render([ChatMessage.System("S"), ChatMessage.User("U")], enableThinking: false);

        text.Should().Be("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    [Fact]
    public void Thinking_on_ends_at_the_generation_prompt_and_earlier_answers_lose_their_reasoning()
    {
        var text = QwenChatTemplate.Render(
            [ChatMessage.User("1+1?"), ChatMessage.Assistant("<think>\nadd\n</think>\n\n2"), ChatMessage.User("2+2?")],
            enableThinking: true);

        text.Should().Be("<|im_start|>user\n1+1?<|im_end|>\n<|im_start|>assistant\n2<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n");
    }
}
