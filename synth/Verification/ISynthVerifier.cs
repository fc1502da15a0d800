namespace Corpus.Synth.Verification;

/// <summary>
/// Decides which samples of one problem are right. Candidates of the same problem come together so
/// that math without a known answer can be verified by agreement (majority of k). Returns one verdict
/// per candidate, in order. Never throws for a bad sample: a program that crashes, loops or misbehaves
/// is a rejected verdict with its reason.
/// </summary>
public interface ISynthVerifier
{
    Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default);
}
