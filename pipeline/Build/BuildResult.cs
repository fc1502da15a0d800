using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Build;

/// <summary>How a build ended.</summary>
/// <param name="Error">Why it failed, naming the input, task or setting at fault; null on success.</param>
/// <param name="Phases">Every phase that ran, in order.</param>
/// <param name="Documents">Documents kept for the stages (after filters and dedup), each counted once.</param>
/// <param name="Tokens">Their tokens, end-of-text tokens included.</param>
/// <param name="Rejects">Inputs recorded in <c>rejects/</c>.</param>
public sealed record BuildResult(string? Error, IReadOnlyList<PhaseOutcome> Phases, long Documents, long Tokens, long Rejects)
{
    /// <summary>True when the build wrote its manifest.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Tokens of each stage's shards (training and validation splits), in the config's stage order.</summary>
    public IReadOnlyList<(string Stage, long Documents, long Tokens)> Stages { get; init; } = [];

    /// <summary>On a cluster worker node: how many task attempts this node ran.</summary>
    public int TasksRun { get; init; }

    internal static BuildResult Failed(string error, IReadOnlyList<PhaseOutcome> phases) => new(error, phases, 0, 0, 0);
}
