namespace Corpus.Synth.Verification;

/// <summary>One generated sample for a problem: the model's thinking (null in non-thinking mode) and its answer.</summary>
public sealed record SynthCandidate(string? Thinking, string Answer);
