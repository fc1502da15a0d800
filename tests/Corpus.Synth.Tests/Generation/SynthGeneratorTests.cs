using Corpus.Synth.Engines;
using Corpus.Synth.Generation;
using Corpus.Synth.Recipes;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Generation;

public sealed class SynthGeneratorTests
{
    private static readonly SeedProblem[] Seeds =
    [
        new("a", SynthTaskKind.Math, "What is 2 + 5?", "7", null, "gsm8k"),
        new("b", SynthTaskKind.Math, "What is 6 times 7?", "42", null, "gsm8k"),
        new("c", SynthTaskKind.Math, "What is 10 minus 1?", "9", null, "gsm8k"),
    ];

    private static ISynthRecipe SeededMath(bool thinking = true) => SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Seeds = Seeds, Thinking = thinking });

    /// <summary>Right for problem a and b's even seeds, wrong otherwise; thinking in a think block.</summary>
    private static ChatCompletion Solve(ChatRequest r)
    {
        var q = r.Messages[^1].Content;
        var answer = q.StartsWith("What is 2 + 5?", StringComparison.Ordinal) ? "7" : q.StartsWith("What is 6 times 7?", StringComparison.Ordinal) && r.Seed % 2 == 0 ? "42" : "13";
        return FakeChatEngine.Answer($"<think>\nWork it out.\n</think>\n\nSo the answer is \\boxed{{{answer}}}.");
    }

    [Fact]
    public async Task Every_sample_comes_back_in_order_accepted_or_rejected_with_its_reason()
    {
        var engine = new FakeChatEngine(Solve);
        var verifier = new BoxedAnswerVerifier();

        var samples = await SynthGenerator.RunAsync(engine, SeededMath(), verifier, new SynthGeneratorOptions { Model = "m", Count = 6, SamplesPerProblem = 3, Parallel = 4, ThinkingBudget = 100 });

        samples.Should().HaveCount(18);
        samples.Select(s => (s.ProblemIndex, s.SampleIndex)).Should().Equal(Enumerable.Range(0, 6).SelectMany(p => Enumerable.Range(0, 3).Select(j => (p, j))));
        samples.Where(s => s.SeedId == "a").Should().OnlyContain(s => s.Accepted && s.Reason == "boxed 7 equals 7");
        samples.Where(s => s.SeedId == "c").Should().OnlyContain(s => !s.Accepted && s.Reason == "boxed 13 differs from 9");
        samples.Should().OnlyContain(s => s.Thinking == "Work it out." && s.Answer.StartsWith("So the answer", StringComparison.Ordinal));
        samples.Should().OnlyContain(s => s.Domain == "math" && s.Source == "synth" && s.Task == "math/seed/gsm8k" && s.ThinkingBudget == 100 && s.OutputTokens == 10 && s.PromptTokens == 20);
        verifier.Calls.Should().HaveCount(6).And.OnlyContain(c => c.Candidates == 3 && c.Problem.KnownAnswer != null);
        engine.Requests.Should().OnlyContain(r => r.EnableThinking == true && r.ThinkingBudget == 100 && r.MaxTokens == 2048);
    }

    [Fact]
    public async Task Ids_and_seeds_depend_on_the_options_not_on_timing_or_parallelism()
    {
        var one = await SynthGenerator.RunAsync(new FakeChatEngine(Solve), SeededMath(), new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 5, SamplesPerProblem = 2, Parallel = 1, Seed = 9 });
        var many = await SynthGenerator.RunAsync(new FakeChatEngine(Solve, TimeSpan.FromMilliseconds(1)), SeededMath(), new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 5, SamplesPerProblem = 2, Parallel = 8, Seed = 9 });
        var other = await SynthGenerator.RunAsync(new FakeChatEngine(Solve), SeededMath(), new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 5, SamplesPerProblem = 2, Parallel = 8, Seed = 10 });

        many.Select(s => (s.Id, s.Seed, s.Accepted)).Should().Equal(one.Select(s => (s.Id, s.Seed, s.Accepted)));
        many.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        other.Select(s => s.Seed).Should().NotIntersectWith(one.Select(s => s.Seed));
    }

    [Fact]
    public async Task Requests_in_flight_fill_the_parallel_slots_and_never_exceed_them()
    {
        var engine = new FakeChatEngine(Solve, TimeSpan.FromMilliseconds(30));
        var reports = new List<SynthProgress>();

        await SynthGenerator.RunAsync(engine, SeededMath(), new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 12, SamplesPerProblem = 2, Parallel = 6 }, new SyncProgress(reports));

        engine.MaxInFlight.Should().Be(6);
        reports.Should().NotBeEmpty();
        var last = reports[^1];
        last.ProblemsDone.Should().Be(12);
        last.Requests.Should().Be(24);
        last.OutputTokens.Should().Be(240);
        last.InFlight.Should().Be(0);
        (last.Accepted + last.Rejected).Should().Be(24);
        last.AcceptanceRate.Should().BeApproximately((double)last.Accepted / 24, 1e-9);
        reports.Max(r => r.BatchOccupancy).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public async Task Unseeded_problems_are_written_first_then_solved_k_times()
    {
        var engine = new FakeChatEngine(r => r.Messages[0].Role == "system"
            ? FakeChatEngine.Answer("Problem: Ann has 2 pens and gets 3 more. How many pens?\nSolution: 5")
            : FakeChatEngine.Answer("2 + 3 = 5, so \\boxed{5}."));
        var verifier = new BoxedAnswerVerifier();
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math, Thinking = false, Seed = 3 });

        var samples = await SynthGenerator.RunAsync(engine, recipe, verifier, new SynthGeneratorOptions { Model = "m", Count = 2, SamplesPerProblem = 3, ThinkingBudget = 50 });

        engine.Requests.Should().HaveCount(2 + 6);
        engine.Requests.Where(r => r.Messages[0].Role == "system").Should().OnlyContain(r => r.EnableThinking == false && r.MaxTokens == 512);
        var solves = engine.Requests.Where(r => r.Messages[0].Role == "user").ToList();
        solves.Should().OnlyContain(r => r.Messages[0].Content.StartsWith("Ann has 2 pens and gets 3 more. How many pens?\n\nPlease reason step by step", StringComparison.Ordinal));
        solves.Should().OnlyContain(r => r.EnableThinking == false && r.ThinkingBudget == null);
        solves.Select(r => r.Seed).Should().OnlyHaveUniqueItems("each sample of a problem gets its own seed");
        verifier.Calls.Should().OnlyContain(c => c.Problem.KnownAnswer == null && c.Candidates == 3);
        samples.Should().OnlyContain(s => s.Accepted && s.Thinking == null && s.Reason == "boxed 5 equals 5" && s.ThinkingBudget == null);
        samples.Select(s => s.Task).Should().OnlyContain(t => t.StartsWith("math/", StringComparison.Ordinal) && !t.Contains("seed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Engine_failures_and_unwritten_problems_are_rejects_with_their_reason()
    {
        var engine = new FakeChatEngine(r => r.Messages[0].Role == "system"
            ? (r.Seed % 2 == 0 ? throw new ChatEngineException("server said 500", "http://x") : FakeChatEngine.Answer("  "))
            : FakeChatEngine.Answer("\\boxed{1}"));
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = SynthTaskKind.Math });
        var seeded = new FakeChatEngine(r => r.Seed % 3 == 0 ? throw new ChatEngineException("timeout", "http://x") : Solve(r));

        var unwritten = await SynthGenerator.RunAsync(engine, recipe, new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 6, SamplesPerProblem = 2 });
        var failing = await SynthGenerator.RunAsync(seeded, SeededMath(), new BoxedAnswerVerifier(), new SynthGeneratorOptions { Model = "m", Count = 6, SamplesPerProblem = 4 });

        unwritten.Should().HaveCount(12).And.OnlyContain(s => !s.Accepted && s.Reason.StartsWith("problem not written: ", StringComparison.Ordinal));
        unwritten.Select(s => s.Reason).Should().Contain("problem not written: server said 500").And.Contain("problem not written: the model's answer held no problem");
        failing.Should().HaveCount(24);
        failing.Where(s => s.Seed % 3 == 0).Should().NotBeEmpty().And.OnlyContain(s => !s.Accepted && s.Reason == "engine failed: timeout" && s.FinishReason == "error");
        failing.Where(s => s.Seed % 3 != 0 && s.SeedId == "a").Should().NotBeEmpty().And.OnlyContain(s => s.Accepted);
    }

    private sealed class SyncProgress(List<SynthProgress> into) : IProgress<SynthProgress>
    {
        public void Report(SynthProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
