using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>How <see cref="SynthVerifier"/>, <see cref="MathVerifier"/> and <see cref="CodeVerifier"/> judge samples.</summary>
public sealed record SynthVerifierOptions
{
    /// <summary>Limits for every program run (code tests, math programs). Default: <see cref="SandboxOptions"/>' defaults.</summary>
    public SandboxOptions Sandbox { get; init; } = new();

    /// <summary>Candidates verified at once (programs running at once). Default: the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Math without a known answer: how many candidates must agree on an answer for it to be kept.
    /// Null (the default): more than half of the candidates, and at least 2.
    /// </summary>
    public int? MinAgreement { get; init; }
}
