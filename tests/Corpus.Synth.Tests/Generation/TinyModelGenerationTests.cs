using Corpus.Synth.Engines;
using Corpus.Synth.Generation;
using Corpus.Synth.Recipes;
using Corpus.Synth.Tests.Engines;
using Corpus.Synth.Verification;
using Corpus.Tests.Shared;
using Corpus.Tokenizer;

namespace Corpus.Synth.Tests.Generation;

[Collection(TinyLlamaCollection.Name)]
public sealed class TinyModelGenerationTests(TinyLlamaFixture fixture)
{
    [Fact]
    public async Task Generation_on_the_real_engine_keeps_every_sample_within_the_thinking_budget()
    {
        const int Budget = 12;
        var tokenizer = QwenTokenizer.Load(RepoData.TokenizerJsonPath);
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seed = 4 });

        var samples = await SynthGenerator.RunAsync(
            fixture.Engine,
            recipe,
            new BoxedAnswerVerifier(),
            new SynthGeneratorOptions { Model = "tiny", Count = 3, SamplesPerProblem = 4, MaxTokens = 40, ProblemMaxTokens = 24, ThinkingBudget = Budget, Temperature = 1.0, Parallel = 16, Seed = 1 });

        samples.Should().HaveCount(12);
        // The tiny model's random text is sometimes not read as a problem; the rest are solved.
        var solved = samples.Where(s => !s.Reason.StartsWith("problem not written", StringComparison.Ordinal)).ToList();
        solved.Should().NotBeEmpty();
        solved.Should().OnlyContain(s => s.Thinking != null && tokenizer.Encode(s.Thinking).Length <= Budget && s.OutputTokens <= 40 && s.ThinkingBudget == Budget);
        solved.Should().OnlyContain(s => s.FinishReason != "error");
    }
}
