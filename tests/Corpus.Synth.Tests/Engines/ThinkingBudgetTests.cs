using Corpus.Synth.Engines;
using Corpus.Synth.Serving;
using Corpus.Tests.Shared;
using Corpus.Tokenizer;

namespace Corpus.Synth.Tests.Engines;

[Collection(TinyLlamaCollection.Name)]
public sealed class ThinkingBudgetTests(TinyLlamaFixture fixture)
{
    private static readonly Lazy<QwenTokenizer> Tokenizer = new(() => QwenTokenizer.Load(RepoData.TokenizerJsonPath));

    private static ChatRequest Think(int i, int budget, int maxTokens) => new()
    {
        Model = "tiny-qwen3",
        Messages = [ChatMessage.User($"Problem {i}: what is {i} times {i + 3}? Think first.")],
        MaxTokens = maxTokens,
        Seed = 900 + i,
        Temperature = 1.0,
        EnableThinking = true,
        ThinkingBudget = budget,
    };

    private static int Tokens(string? text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.Encode(text).Length;

    [Theory]
    [InlineData(24)]
    [InlineData(5)]
    public async Task No_sample_thinks_past_its_budget_and_every_sample_then_answers(int budget)
    {
        const int MaxTokens = 64;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => fixture.Engine.CompleteAsync(Think(i, budget, MaxTokens))));

        foreach (var answer in answers)
        {
            var split = ThinkingText.Split(answer.Text);
            // Random weights almost never close </think> themselves, so the engine closes it.
            answer.Text.Should().Contain("</think>", "the budget closes the reasoning: {0}", answer.Text);
            Tokens(split.Thinking).Should().BeLessThanOrEqualTo(budget, "thinking counted by the project's tokenizer stays in the budget: {0}", split.Thinking);
            split.Answer.Should().NotBeEmpty("the model answers after the forced </think>");
            answer.Usage.CompletionTokens.Should().BeLessThanOrEqualTo(MaxTokens, "MaxTokens bounds thinking and answer together");
        }

        answers.Count(a => Tokens(ThinkingText.Split(a.Text).Thinking) >= budget - 2).Should().BeGreaterThan(8, "the reasoning is cut at the budget, not long before it");
    }

    [Fact]
    public async Task Budget_gives_the_same_text_for_the_same_seed_alone_before_and_after_a_batch()
    {
        var alone = await fixture.Engine.CompleteAsync(Think(3, 20, 48));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fixture.Engine.CompleteAsync(Think(i, 20, 48))));
        var again = await fixture.Engine.CompleteAsync(Think(3, 20, 48));

        alone.Text.Should().Contain("</think>");
        again.Text.Should().Be(alone.Text, "the cut back and the forced close are the same for the same tokens");
    }

    [Fact]
    public async Task Without_thinking_the_budget_does_nothing()
    {
        var request = Think(1, 2, 16) with { EnableThinking = false };
        var plain = await fixture.Engine.CompleteAsync(request with { ThinkingBudget = null });

        var budgeted = await fixture.Engine.CompleteAsync(request);

        budgeted.Text.Should().Be(plain.Text);
        budgeted.Text.Should().NotContain("</think>");
    }

    [Fact]
    public async Task Openai_engine_keeps_the_budget_in_two_steps_through_corpus_serve()
    {
        await using var server = ChatServer.Start(fixture.Engine, new ChatServerOptions { ModelName = "tiny-qwen3", Port = 0 });
        using var client = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = server.BaseUrl, MaxRetries = 0, CountTokens = Tokens });
        const int Budget = 16;
        const int MaxTokens = 48;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.CompleteAsync(Think(i, Budget, MaxTokens))));

        foreach (var answer in answers)
        {
            answer.Text.Should().StartWith("<think>\n").And.Contain("\n</think>\n\n");
            var split = ThinkingText.Split(answer.Text);
            split.Answer.Should().NotBeEmpty("the second step answers after the closed reasoning");
            Tokens(split.Thinking).Should().BeLessThanOrEqualTo(Budget, split.Thinking);
            answer.Usage.CompletionTokens.Should().BeLessThanOrEqualTo(MaxTokens);
        }
    }

    [Theory]
    [InlineData("one two three four five", 3, "one two three")]
    [InlineData("one two", 5, "one two")]
    [InlineData("one two", 0, "")]
    public void Reasoning_from_a_server_is_cut_back_to_the_budget(string thinking, int budget, string expected)
    {
        static int Words(string t) => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        OpenAiCompatibleEngine.FitBudget(thinking, budget, Words).Should().Be(expected);
    }

    [Theory]
    [InlineData("<think>\nsteps\n</think>\n\nThe answer.", "steps", "The answer.")]
    [InlineData("steps without the opening tag\n</think>\n\n42", "steps without the opening tag", "42")]
    [InlineData("<think>\nnever closed", "never closed", "")]
    [InlineData("  just an answer ", null, "just an answer")]
    [InlineData("<think>\n\n</think>\n\nx</think>y", "", "x</think>y")]
    public void Split_keeps_reasoning_apart_from_the_answer(string text, string? thinking, string answer)
    {
        var split = ThinkingText.Split(text);

        split.Thinking.Should().Be(thinking);
        split.Answer.Should().Be(answer);
    }
}
