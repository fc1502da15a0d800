namespace Corpus.Synth.Verification;

/// <summary>Whether a sample is kept, and the verifier's reason either way (e.g. <c>boxed 42 equals known answer 42</c>, <c>tests failed: AssertionError ...</c>, <c>program timed out after 10 s</c>).</summary>
public sealed record SynthVerdict(bool Accepted, string Reason);
