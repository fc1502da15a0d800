using Corpus.Synth.Engines;
using Corpus.Tests.Shared;
using Corpus.Tokenizer;

namespace Corpus.Synth.Tests.Engines;

[Collection(TinyLlamaCollection.Name)]
public sealed class LlamaEngineTests(TinyLlamaFixture fixture)
{
    private static ChatRequest Ask(string question, long seed, int maxTokens = 12) => new()
    {
        Model = "tiny-qwen3",
        Messages = [ChatMessage.System("You write math problems."), ChatMessage.User(question)],
        MaxTokens = maxTokens,
        Seed = seed,
        Temperature = 1.0,
        EnableThinking = false,
    };

    [Fact]
    public void Tiny_model_loads_with_the_full_qwen3_vocabulary()
    {
        fixture.Engine.VocabularySize.Should().Be(151_936, "the tokenizer's 151,669 tokens padded to Qwen3's vocab_size, as in the real GGUFs");
    }

    [Fact]
    public void Prompt_tokens_equal_the_project_tokenizer_with_special_tokens()
    {
        var messages = new[] { ChatMessage.System("Be brief."), ChatMessage.User("Wie viel ist 12 × 7? 数学") };
        var reference = QwenTokenizer.Load(RepoData.TokenizerJsonPath);

        var ids = fixture.Engine.PromptTokens(messages, enableThinking: false).Select(t => (int)t).ToArray();

        ids.Should().Equal(reference.EncodeWithSpecialTokens(QwenChatTemplate.Render(messages, enableThinking: false)));
        ids[0].Should().Be(151_644, "the prompt opens with <|im_start|> as one token");
        ids[^6..].Should().Equal(reference.EncodeWithSpecialTokens("<|im_start|>assistant\n<think>\n\n</think>\n\n")[^6..]);
    }

    [Fact]
    public async Task Sixteen_concurrent_requests_share_batches_and_each_gets_an_answer()
    {
        var before = fixture.Engine.Statistics;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => fixture.Engine.CompleteAsync(Ask($"Problem {i}: add {i} and {i * 3}.", seed: i))));

        answers.Should().HaveCount(16).And.OnlyContain(a => a.Usage.CompletionTokens >= 1 && a.Usage.CompletionTokens <= 12 && a.Usage.PromptTokens > 10);
        var after = fixture.Engine.Statistics;
        after.MaxActiveSequences.Should().BeGreaterThanOrEqualTo(8, "continuous batching holds many sequences in one decode step");
        long steps = after.DecodeSteps - before.DecodeSteps;
        long generated = after.GeneratedTokens - before.GeneratedTokens;
        generated.Should().Be(answers.Sum(a => a.Usage.CompletionTokens));
        steps.Should().BeLessThan(generated / 2, "one decode step advances several sequences");
    }

    [Fact]
    public async Task More_requests_than_slots_all_complete_as_finished_sequences_free_their_slots()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => fixture.Engine.CompleteAsync(Ask($"Item {i}", seed: 500 + i, maxTokens: 1 + (i % 8)))));

        answers.Should().HaveCount(40).And.OnlyContain(a => a.Usage.CompletionTokens >= 1);
        answers.Select((a, i) => a.Usage.CompletionTokens <= 1 + (i % 8)).Should().AllSatisfy(ok => ok.Should().BeTrue());
        fixture.Engine.Statistics.MaxActiveSequences.Should().BeLessThanOrEqualTo(16, "the engine has 16 slots");
    }

    [Fact]
    public async Task Completion_never_exceeds_max_tokens()
    {
        var answers = await Task.WhenAll(new[] { 1, 3, 7 }.Select(max => fixture.Engine.CompleteAsync(Ask("Count to one hundred.", seed: 11, maxTokens: max))));

        answers.Select(a => a.Usage.CompletionTokens).Zip([1, 3, 7]).Should().OnlyContain(p => p.First <= p.Second);
        answers.Where(a => a.FinishReason == "length").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Output_ends_before_a_stop_string_and_never_contains_it()
    {
        // Random weights draw from the whole vocabulary, so a single common letter turns up within a few tokens.
        var requests = Enumerable.Range(0, 8).Select(i => Ask($"Say something {i}.", seed: 100 + i, maxTokens: 40) with { Stop = ["e", "a"] });

        var answers = await Task.WhenAll(requests.Select(r => fixture.Engine.CompleteAsync(r)));

        answers.Should().OnlyContain(a => !a.Text.Contains('e') && !a.Text.Contains('a'));
        answers.Where(a => a.FinishReason == "stop").Should().NotBeEmpty();
    }

    private static async Task<List<string>> PiecesOf(ChatStream stream)
    {
        var pieces = new List<string>();
        await foreach (var piece in stream.Pieces.ReadAllAsync())
        {
            pieces.Add(piece);
        }

        return pieces;
    }

    [Fact]
    public async Task Streamed_pieces_join_to_the_answer_and_no_piece_holds_part_of_a_stop_string()
    {
        // Two-letter stop strings: a piece may end in their first letter only if the text does not go on with the second.
        var requests = Enumerable.Range(0, 8).Select(i => Ask($"Say something {i}.", seed: 300 + i, maxTokens: 48) with { Stop = ["er", "an", "th"] }).ToList();

        var streams = requests.Select(r => fixture.Engine.Stream(r)).ToList();
        var pieces = await Task.WhenAll(streams.Select(PiecesOf));
        var answers = await Task.WhenAll(streams.Select(s => s.Completion));
        var alone = fixture.Engine.Stream(requests[0]);
        var aloneText = string.Concat(await PiecesOf(alone));

        aloneText.Should().Be((await fixture.Engine.CompleteAsync(requests[0])).Text, "streaming does not change what the same seed generates alone");
        foreach (var (i, answer) in answers.Index())
        {
            string.Concat(pieces[i]).Should().Be(answer.Text, "the pieces are the answer, in order");
            pieces[i].Should().OnlyContain(p => p.Length > 0);
            foreach (var stop in requests[i].Stop)
            {
                pieces[i].Should().NotContain(p => p.Contains(stop, StringComparison.Ordinal));
            }
        }

        pieces.Max(p => p.Count).Should().BeGreaterThan(3, "text arrives as it is generated, not in one piece at the end");
        answers.Where(a => a.FinishReason == "stop").Should().NotBeEmpty("some stop string was met, so the held-back text was checked");
    }

    [Fact]
    public async Task Streamed_reasoning_under_a_thinking_budget_arrives_only_as_it_is_kept()
    {
        var request = Ask("Think about 7 times 8.", seed: 77, maxTokens: 40) with { EnableThinking = true, ThinkingBudget = 12 };

        var stream = fixture.Engine.Stream(request);
        var pieces = await PiecesOf(stream);
        var answer = await stream.Completion;

        string.Concat(pieces).Should().Be(answer.Text);
        pieces[0].Should().Contain("</think>", "the reasoning, which the budget may cut back, comes in one piece once closed");
        (await fixture.Engine.CompleteAsync(request)).Text.Should().Be(answer.Text);
    }

    [Fact]
    public async Task Cancelled_stream_ends_its_pieces_with_the_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var stream = fixture.Engine.Stream(Ask("Take your time.", seed: 8, maxTokens: 1500), cts.Token);
        await stream.Pieces.WaitToReadAsync();
        await cts.CancelAsync();

        var read = async () => { await foreach (var _ in stream.Pieces.ReadAllAsync()) { } };

        await read.Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => stream.Completion).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Same_seed_gives_the_same_text_alone_twice_and_alone_after_a_full_batch_moved_the_cache()
    {
        // Alone each time: inside a batch the logits can differ in the last bits with the batch's shape
        // (llama.cpp's tiled kernels sum in another order), which flips the tiny model's near-equal tokens.
        var request = Ask("Write a problem about trains.", seed: 1234, maxTokens: 48);

        var alone = await fixture.Engine.CompleteAsync(request);
        var again = await fixture.Engine.CompleteAsync(request);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fixture.Engine.CompleteAsync(Ask($"Other prompt {i} with different length {new string('x', i * 5)}", seed: i, maxTokens: 16 + i))));
        var afterCrowd = await fixture.Engine.CompleteAsync(request);

        alone.Text.Should().NotBeEmpty();
        again.Text.Should().Be(alone.Text);
        afterCrowd.Text.Should().Be(alone.Text, "the KV cells it gets after others were freed do not change the text");
        var otherSeed = await fixture.Engine.CompleteAsync(request with { Seed = 4321 });
        otherSeed.Text.Should().NotBe(alone.Text);
    }

    [Fact]
    public async Task Cancelled_request_is_cancelled_and_the_engine_keeps_serving()
    {
        using var cts = new CancellationTokenSource();
        var doomed = fixture.Engine.CompleteAsync(Ask("Take your time.", seed: 5, maxTokens: 500), cts.Token);
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => doomed).Should().ThrowAsync<OperationCanceledException>();
        var next = await fixture.Engine.CompleteAsync(Ask("Still there?", seed: 6, maxTokens: 3));
        next.Usage.CompletionTokens.Should().BeInRange(1, 3);
    }

    [Fact]
    public async Task Request_larger_than_the_context_fails_with_a_message_naming_the_sizes()
    {
        var act = () => fixture.Engine.CompleteAsync(Ask("Hi", seed: 1, maxTokens: 100_000));

        await act.Should().ThrowAsync<ChatEngineException>().WithMessage("*100000*2048*");
    }

    [Fact]
    public void Native_library_path_that_does_not_exist_fails_naming_it()
    {
        var act = () => LlamaEngine.Load(new LlamaEngineOptions { ModelPath = fixture.ModelPath, NativeLibraryPath = "/nowhere/libllama-cuda.so" });

        act.Should().Throw<FileNotFoundException>().WithMessage("*/nowhere/libllama-cuda.so*");
    }

    [Fact]
    public async Task Disposing_the_engine_ends_every_pending_request_and_refuses_new_ones()
    {
        var engine = LlamaEngine.Load(new LlamaEngineOptions { ModelPath = fixture.ModelPath, MaxSequences = 2, ContextSize = 2048, Threads = 1 });
        var pending = Enumerable.Range(0, 6).Select(i => engine.CompleteAsync(Ask($"Long answer {i}", seed: i, maxTokens: 200))).ToList();

        engine.Dispose();

        var all = Task.WhenAll(pending);
        var finished = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30)));

        finished.Should().BeSameAs(all, "no request is left hanging");
        pending.Should().OnlyContain(t => t.IsCompleted);
        pending.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).Should().AllSatisfy(e => e.Should().Match(x => x is ObjectDisposedException || x is ChatEngineException));
        var after = () => engine.CompleteAsync(Ask("after", seed: 1));
        await after.Should().ThrowAsync<ObjectDisposedException>();
    }
}
