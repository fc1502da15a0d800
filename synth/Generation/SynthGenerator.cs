using System.Diagnostics;
using System.Globalization;
using Corpus.Core.Documents;
using Corpus.Synth.Engines;
using Corpus.Synth.Recipes;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Generation;

/// <summary>
/// The generation loop: for each of <see cref="SynthGeneratorOptions.Count"/> problems, the recipe's plan
/// (a seed problem, or a request that has the model write one), then
/// <see cref="SynthGeneratorOptions.SamplesPerProblem"/> independent solutions, then the verifier on
/// them together. Problems run concurrently and every engine request passes one gate of
/// <see cref="SynthGeneratorOptions.Parallel"/>, so the engine's batch stays full while problems
/// start, wait for their samples and are verified. Every sample comes back, accepted or rejected with
/// its reason (an engine failure, a problem the model did not write, the verifier's verdict), in
/// (problem, sample) order; ids and sampling seeds depend only on the options, never on timing.
/// </summary>
public static class SynthGenerator
{
    /// <summary>Generates and verifies; returns every sample, <c>Count × SamplesPerProblem</c> of them.</summary>
    public static async Task<IReadOnlyList<SynthSample>> RunAsync(
        IChatEngine engine,
        ISynthRecipe recipe,
        ISynthVerifier verifier,
        SynthGeneratorOptions options,
        IProgress<SynthProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SamplesPerProblem, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProblemMaxTokens, 1);

        int k = options.SamplesPerProblem;
        var run = new Run(engine, recipe, verifier, options, progress);
        var samples = new SynthSample[options.Count * k];
        // Enough problems in flight that their samples keep every slot busy while others write or verify.
        int problemsInFlight = Math.Max(2, ((2 * options.Parallel) + k - 1) / k);
        using var gate = new SemaphoreSlim(options.Parallel, options.Parallel);
        run.Gate = gate;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Count),
            new ParallelOptions { MaxDegreeOfParallelism = problemsInFlight, CancellationToken = ct },
            async (index, token) =>
            {
                var done = await run.ProblemAsync(index, token).ConfigureAwait(false);
                done.CopyTo(samples, index * k);
                run.ProblemDone(done);
            }).ConfigureAwait(false);
        run.Report();
        return samples;
    }

    /// <summary>The sampling seed of one request: a mix of the run's seed, the problem and the sample (-1: writing the problem), in 0..2³¹-1.</summary>
    internal static long RequestSeed(long seed, int problem, int sample)
    {
        ulong x = (ulong)seed ^ ((ulong)(uint)problem * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)(sample + 1) * 0xC2B2AE3D27D4EB4FUL);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (long)((x ^ (x >> 31)) & 0x7FFF_FFFF);
    }

    private sealed class Run(IChatEngine engine, ISynthRecipe recipe, ISynthVerifier verifier, SynthGeneratorOptions options, IProgress<SynthProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _domain = recipe.Kind == SynthTaskKind.Math ? "math" : "code";
        private long _requests;
        private int _inFlight;
        private long _outputTokens;
        private int _problemsDone;
        private int _accepted;
        private int _rejected;

        public SemaphoreSlim Gate { get; set; } = null!;

        public async Task<SynthSample[]> ProblemAsync(int index, CancellationToken ct)
        {
            var plan = recipe.Plan(index);
            string? problem = plan.Problem;
            if (problem is null)
            {
                var write = new ChatRequest
                {
                    Model = options.Model,
                    Messages = plan.WriteProblem ?? throw new InvalidOperationException($"recipe plan {index} has neither a problem nor a request to write one"),
                    MaxTokens = options.ProblemMaxTokens,
                    Temperature = options.Temperature,
                    TopP = options.TopP,
                    TopK = options.TopK,
                    Seed = RequestSeed(options.Seed, index, -1),
                    EnableThinking = false,
                };
                var asked = write.Messages[^1].Content;
                var (written, failure, _) = await CallAsync(write, ct).ConfigureAwait(false);
                problem = written is null ? null : recipe.ReadProblem(written.Text);
                if (problem is null)
                {
                    var reason = failure is not null ? $"problem not written: {failure}" : "problem not written: the model's answer held no problem";
                    return Enumerable.Range(0, options.SamplesPerProblem)
                        .Select(j => Sample(plan, j, asked, null, written?.Text ?? string.Empty, false, reason, written?.FinishReason ?? "error", written?.Usage, 0))
                        .ToArray();
                }
            }

            var messages = recipe.SolveMessages(plan, problem);
            var prompt = messages[^1].Content;
            var calls = await Task.WhenAll(Enumerable.Range(0, options.SamplesPerProblem).Select(j => CallAsync(Solve(plan, messages, j), ct))).ConfigureAwait(false);
            var answered = new List<int>();
            var candidates = new List<SynthCandidate>();
            for (int j = 0; j < calls.Length; j++)
            {
                if (calls[j].Completion is { } completion)
                {
                    var split = ThinkingText.Split(completion.Text);
                    answered.Add(j);
                    candidates.Add(new SynthCandidate(split.Thinking, split.Answer));
                }
            }

            var verdicts = await VerifyAsync(new SynthProblem(plan.Kind, prompt, plan.KnownAnswer, plan.Tests), candidates, ct).ConfigureAwait(false);
            var samples = new SynthSample[calls.Length];
            for (int j = 0; j < calls.Length; j++)
            {
                var (completion, failure, seconds) = calls[j];
                if (completion is null)
                {
                    samples[j] = Sample(plan, j, prompt, null, string.Empty, false, $"engine failed: {failure}", "error", null, seconds);
                }
            }

            for (int c = 0; c < answered.Count; c++)
            {
                int j = answered[c];
                var (completion, _, seconds) = calls[j];
                samples[j] = Sample(plan, j, prompt, candidates[c].Thinking, candidates[c].Answer, verdicts[c].Accepted, verdicts[c].Reason, completion!.FinishReason, completion.Usage, seconds);
            }

            return samples;
        }

        private ChatRequest Solve(SynthPlan plan, IReadOnlyList<ChatMessage> messages, int sample) => new()
        {
            Model = options.Model,
            Messages = messages,
            MaxTokens = options.MaxTokens,
            Temperature = options.Temperature,
            TopP = options.TopP,
            TopK = options.TopK,
            Seed = RequestSeed(options.Seed, plan.Index, sample),
            EnableThinking = plan.Thinking,
            ThinkingBudget = plan.Thinking ? options.ThinkingBudget : null,
        };

        private async Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, List<SynthCandidate> candidates, CancellationToken ct)
        {
            if (candidates.Count == 0)
            {
                return [];
            }

            IReadOnlyList<SynthVerdict> verdicts;
            try
            {
                verdicts = await verifier.VerifyAsync(problem, candidates, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not Corpus.Synth.Sandbox.SandboxUnavailableException && (e is not OperationCanceledException || !ct.IsCancellationRequested))
            {
                // A verifier should never throw for a sample; if it does, the samples are rejected with why, and the run goes on.
                // A sandbox the machine cannot give is not the sample's fault: it ends the run (SandboxUnavailableException).
                return candidates.Select(_ => new SynthVerdict(false, $"verifier failed: {e.GetType().Name}: {e.Message}")).ToList();
            }

            if (verdicts.Count != candidates.Count)
            {
                throw new InvalidOperationException($"the verifier returned {verdicts.Count} verdicts for {candidates.Count} candidates; it must return one per candidate");
            }

            return verdicts;
        }

        private async Task<(ChatCompletion? Completion, string? Failure, double Seconds)> CallAsync(ChatRequest request, CancellationToken ct)
        {
            await Gate.WaitAsync(ct).ConfigureAwait(false);
            Interlocked.Increment(ref _inFlight);
            long start = Stopwatch.GetTimestamp();
            try
            {
                var completion = await engine.CompleteAsync(request, ct).ConfigureAwait(false);
                Interlocked.Add(ref _outputTokens, completion.Usage.CompletionTokens);
                return (completion, null, Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
            catch (ChatEngineException e)
            {
                return (null, e.Message, Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _requests);
                Gate.Release();
                Report();
            }
        }

        private SynthSample Sample(SynthPlan plan, int sample, string prompt, string? thinking, string answer, bool accepted, string reason, string? finish, ChatTokenUsage? usage, double seconds)
        {
            long seed = RequestSeed(options.Seed, plan.Index, sample);
            var source = string.Create(CultureInfo.InvariantCulture, $"synth:{plan.Task}/{plan.Index}/{sample}/{seed}");
            return new SynthSample
            {
                Id = DocumentId.Compute(source, prompt + "\0" + thinking + "\0" + answer),
                Task = plan.Task,
                Domain = _domain,
                ProblemIndex = plan.Index,
                SampleIndex = sample,
                SeedId = plan.SeedId,
                Prompt = prompt,
                Thinking = thinking,
                Answer = answer,
                Accepted = accepted,
                Reason = reason,
                FinishReason = finish,
                Model = options.Model,
                Temperature = options.Temperature,
                TopP = options.TopP,
                TopK = options.TopK,
                Seed = seed,
                MaxTokens = options.MaxTokens,
                ThinkingBudget = plan.Thinking ? options.ThinkingBudget : null,
                ThinkingMode = plan.Thinking,
                PromptTokens = usage?.PromptTokens ?? 0,
                OutputTokens = usage?.CompletionTokens ?? 0,
                Seconds = seconds,
            };
        }

        public void ProblemDone(SynthSample[] samples)
        {
            Interlocked.Increment(ref _problemsDone);
            Interlocked.Add(ref _accepted, samples.Count(s => s.Accepted));
            Interlocked.Add(ref _rejected, samples.Count(s => !s.Accepted));
            Report();
        }

        /// <summary>Reports where the run stands; called after every request and every problem (the receiver throttles).</summary>
        public void Report() => progress?.Report(new SynthProgress(
            Volatile.Read(ref _problemsDone),
            options.Count,
            Interlocked.Read(ref _requests),
            Volatile.Read(ref _inFlight),
            options.Parallel,
            Interlocked.Read(ref _outputTokens),
            _clock.Elapsed,
            Volatile.Read(ref _accepted),
            Volatile.Read(ref _rejected)));
    }
}
