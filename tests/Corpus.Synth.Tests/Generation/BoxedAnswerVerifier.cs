using System.Text.RegularExpressions;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Tests.Generation;

/// <summary>
/// A test double for the real verifier: a math sample is right when its last <c>\boxed{...}</c> equals the
/// known answer (or, without one, the majority of the boxed answers); code when it defines the function.
/// </summary>
internal sealed partial class BoxedAnswerVerifier : ISynthVerifier
{
    public List<(SynthProblem Problem, int Candidates)> Calls { get; } = [];

    public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default)
    {
        lock (Calls)
        {
            Calls.Add((problem, candidates.Count));
        }

        if (problem.Kind == SynthTaskKind.Code)
        {
            var name = problem.Tests?.EntryPoint;
            return Task.FromResult<IReadOnlyList<SynthVerdict>>(candidates.Select(c => name is not null && c.Answer.Contains($"def {name}(", StringComparison.Ordinal)
                ? new SynthVerdict(true, $"defines {name}")
                : new SynthVerdict(false, $"tests failed: no function {name}")).ToList());
        }

        var boxed = candidates.Select(c => Boxed().Matches(c.Answer) is { Count: > 0 } m ? m[^1].Groups[1].Value.Trim() : null).ToList();
        var expected = problem.KnownAnswer ?? boxed.Where(b => b is not null).GroupBy(b => b).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return Task.FromResult<IReadOnlyList<SynthVerdict>>(boxed.Select(b => b is null
            ? new SynthVerdict(false, "no \\boxed{} answer")
            : b == expected ? new SynthVerdict(true, $"boxed {b} equals {expected}") : new SynthVerdict(false, $"boxed {b} differs from {expected}")).ToList());
    }

    [GeneratedRegex(@"\\boxed\{([^{}]*)\}")]
    private static partial Regex Boxed();
}
