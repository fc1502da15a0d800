using Corpus.Synth.Verification;

namespace Corpus.Cli.Commands;

/// <summary>
/// The one place <c>corpus synth</c> gets its verifier from. PLUG POINT: when the real verifier
/// (synth/Verification, issue 8) is merged, <see cref="Create"/> returns <c>new SynthVerifier(...)</c>;
/// nothing else in the CLI changes.
/// </summary>
internal static class SynthVerifierFactory
{
    /// <summary>The verifier <c>corpus synth</c> uses.</summary>
    public static ISynthVerifier Create() => new UnverifiedRejects();

    /// <summary>
    /// Until the real verifier is wired: keeps nothing, and says so in every sample's reason (written
    /// to the rejects), so no unverified sample ever reaches <c>synth/part-*.parquet</c>.
    /// </summary>
    private sealed class UnverifiedRejects : ISynthVerifier
    {
        public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<SynthVerdict>>(candidates.Select(_ => new SynthVerdict(false, "not verified: this build of corpus has no synth verifier wired in")).ToList());
    }
}
