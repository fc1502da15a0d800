using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>
/// Verifies math samples by their final answer, the last <c>\boxed{...}</c> of the answer text
/// (<see cref="BoxedAnswer"/>), compared with <see cref="MathAnswer.AreEquivalent"/>. With a known
/// answer each candidate is judged against it alone. Without one the candidates vote: those whose answer
/// is held by at least <see cref="SynthVerifierOptions.MinAgreement"/> candidates (default more than
/// half, and at least 2), and by more than any other answer, are kept. Every candidate's boxed answer
/// counts as a vote. A candidate that would be kept and whose answer also holds a fenced Python
/// program that prints (its last <c>```python</c> block containing <c>print(</c>) must also run that
/// program in the sandbox and print, as its last line, an answer equal to its boxed one.
/// </summary>
public sealed class MathVerifier : ISynthVerifier
{
    private readonly SandboxGate _sandbox;
    private readonly SynthVerifierOptions _options;

    /// <summary>Creates a verifier that runs the candidates' programs in <paramref name="sandbox"/>.</summary>
    public MathVerifier(PythonSandbox sandbox, SynthVerifierOptions? options = null)
        : this(new SandboxGate(sandbox, (options ?? new SynthVerifierOptions()).MaxDegreeOfParallelism), options)
    {
    }

    /// <summary>Creates a verifier sharing <paramref name="sandbox"/>'s bound on programs at once with other verifiers.</summary>
    internal MathVerifier(SandboxGate sandbox, SynthVerifierOptions? options)
    {
        _sandbox = sandbox;
        _options = options ?? new SynthVerifierOptions();
        if (_options.MinAgreement is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MinAgreement must be at least 1");
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(candidates);
        var boxed = candidates.Select(c => BoxedAnswer.ExtractLast(c.Answer)).ToArray();
        var first = problem.KnownAnswer is { } known ? Judge(known, boxed) : Vote(boxed);
        return ParallelVerdicts.RunAsync(candidates.Count, _options.MaxDegreeOfParallelism, (i, token) => ProgramCheckAsync(first[i], boxed[i], candidates[i].Answer, token), ct);
    }

    private static SynthVerdict[] Judge(string known, string?[] boxed)
    {
        var knownText = MathAnswer.Normalize(known);
        return boxed.Select(answer => answer switch
        {
            null => new SynthVerdict(false, "no \\boxed{} answer"),
            _ when MathAnswer.AreEquivalent(answer, known) => new SynthVerdict(true, $"boxed {MathAnswer.Normalize(answer)} equals known answer {knownText}"),
            _ => new SynthVerdict(false, $"boxed {MathAnswer.Normalize(answer)} differs from known answer {knownText}"),
        }).ToArray();
    }

    private SynthVerdict[] Vote(string?[] boxed)
    {
        var k = boxed.Length;
        var need = _options.MinAgreement ?? Math.Max(2, (k / 2) + 1);
        var keys = boxed.Select(b => b is null ? null : MathAnswer.CanonicalKey(b)).ToArray();
        var groups = keys.Select((key, i) => (key, i)).Where(x => x.key is not null)
            .GroupBy(x => x.key!, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Count: g.Count(), Shown: MathAnswer.Normalize(boxed[g.First().i]!)))
            .OrderByDescending(g => g.Count)
            .ToArray();
        var top = groups.FirstOrDefault();
        var tied = groups.Length > 1 && groups[1].Count == top.Count;
        var majority = top.Key is not null && top.Count >= need && !tied ? top.Key : null;
        var verdicts = new SynthVerdict[k];
        for (var i = 0; i < k; i++)
        {
            verdicts[i] = keys[i] switch
            {
                null => new SynthVerdict(false, "no \\boxed{} answer"),
                _ when majority is null && tied => new SynthVerdict(false, $"no majority: {top.Count} of {k} agree on {top.Shown} and {groups[1].Count} on {groups[1].Shown}"),
                _ when majority is null => new SynthVerdict(false, $"no majority: at most {top.Count} of {k} agree (on {top.Shown}), {need} needed"),
                var key when key == majority => new SynthVerdict(true, $"{top.Count} of {k} agree on {top.Shown}"),
                _ => new SynthVerdict(false, $"boxed {MathAnswer.Normalize(boxed[i]!)} disagrees with the majority: {top.Count} of {k} agree on {top.Shown}"),
            };
        }

        return verdicts;
    }

    private async Task<SynthVerdict> ProgramCheckAsync(SynthVerdict verdict, string? boxed, string answer, CancellationToken ct)
    {
        if (!verdict.Accepted || boxed is null)
        {
            return verdict;
        }

        var program = FencedCode.PythonBlocks(answer).LastOrDefault(b => b.Contains("print(", StringComparison.Ordinal));
        if (program is null)
        {
            return verdict;
        }

        var result = await _sandbox.RunAsync(program, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new SynthVerdict(false, $"{verdict.Reason}, but its program failed: {result.Describe()}");
        }

        var printed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (printed is null)
        {
            return new SynthVerdict(false, $"{verdict.Reason}, but its program printed nothing");
        }

        return MathAnswer.AreEquivalent(printed, boxed)
            ? new SynthVerdict(true, $"{verdict.Reason}; its program prints {MathAnswer.Normalize(printed)}")
            : new SynthVerdict(false, $"{verdict.Reason}, but its program prints {MathAnswer.Normalize(printed)}");
    }
}
