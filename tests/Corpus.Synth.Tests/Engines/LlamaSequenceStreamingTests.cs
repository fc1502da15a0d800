using System.Text;
using System.Threading.Channels;
using Corpus.Synth.Engines;
using LLama.Native;

namespace Corpus.Synth.Tests.Engines;

/// <summary>What a streaming sequence hands out between tokens, fed by hand (no model needed).</summary>
public sealed class LlamaSequenceStreamingTests
{
    private static (LlamaSequence Sequence, Channel<string> Pieces) Sequence(IReadOnlyList<string> stop, int? budget = null)
    {
        var request = new ChatRequest { Model = "m", Messages = [ChatMessage.User("hi")], Stop = stop, EnableThinking = budget is not null, ThinkingBudget = budget };
        var pieces = Channel.CreateUnbounded<string>();
        return (new LlamaSequence(request, [(LLamaToken)1], 100) { Pieces = pieces.Writer }, pieces);
    }

    private static string? Feed(LlamaSequence s, string text)
    {
        var finish = s.Accept((LLamaToken)7, false, Encoding.UTF8.GetBytes(text));
        s.Emit(final: finish is not null);
        return finish;
    }

    private static List<string> Drain(Channel<string> pieces)
    {
        var list = new List<string>();
        while (pieces.Reader.TryRead(out var piece))
        {
            list.Add(piece);
        }

        return list;
    }

    [Fact]
    public void Stop_string_split_across_tokens_is_never_handed_out()
    {
        var (s, pieces) = Sequence(["STOP"]);

        Feed(s, "one S").Should().BeNull();
        Feed(s, "T").Should().BeNull();
        Drain(pieces).Should().Equal(["on", "e"], "the last 3 characters could begin STOP");
        Feed(s, "OP and more").Should().Be("stop");

        s.Text.Should().Be("one ");
        Drain(pieces).Should().Equal([" "]);
    }

    [Fact]
    public void Without_stop_strings_each_token_is_handed_out_at_once_but_not_half_a_surrogate_pair()
    {
        var (s, pieces) = Sequence([]);
        var emoji = Encoding.UTF8.GetBytes("😀");

        Feed(s, "ab");
        s.Accept((LLamaToken)7, false, emoji.AsSpan(0, 2));
        s.Emit(final: false);
        s.Accept((LLamaToken)7, false, emoji.AsSpan(2));
        s.Emit(final: false);

        Drain(pieces).Should().Equal(["ab", "😀"], "a character split over tokens comes whole");
    }

    [Fact]
    public void Budgeted_reasoning_is_held_until_it_closes()
    {
        var (s, pieces) = Sequence([], budget: 50);

        Feed(s, "<think>\nhmm");
        Feed(s, " let me see");
        Drain(pieces).Should().BeEmpty("the budget may still cut these tokens back");
        Feed(s, "</think>\n\nanswer");

        Drain(pieces).Should().Equal(["<think>\nhmm let me see</think>\n\nanswer"]);
    }
}
