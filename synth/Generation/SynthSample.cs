namespace Corpus.Synth.Generation;

/// <summary>One generated sample, accepted or rejected, with everything needed to reproduce and audit it.</summary>
public sealed record SynthSample
{
    /// <summary>Stable id: <c>DocumentId</c> of <c>synth:{task}/{problem}/{sample}/{seed}</c> and the sample's text.</summary>
    public required string Id { get; init; }

    /// <summary>What was asked, e.g. <c>math/word-problem/fractions/easy</c> or <c>code/seed/humaneval</c>.</summary>
    public required string Task { get; init; }

    /// <summary><c>math</c> or <c>code</c> (the corpus's domain labels).</summary>
    public required string Domain { get; init; }

    /// <summary>The problem's number in the run, from 0.</summary>
    public required int ProblemIndex { get; init; }

    /// <summary>The sample's number within its problem, from 0.</summary>
    public required int SampleIndex { get; init; }

    /// <summary>The seed problem's id, when the problem came from a seeds file.</summary>
    public string? SeedId { get; init; }

    /// <summary>The user message the sample answered (the problem and how to answer it).</summary>
    public required string Prompt { get; init; }

    /// <summary>The model's reasoning; null in non-thinking mode or when it wrote none.</summary>
    public string? Thinking { get; init; }

    /// <summary>The model's answer (after its reasoning).</summary>
    public required string Answer { get; init; }

    /// <summary>True when the verifier accepted the sample (and, later, dedup and decontamination kept it).</summary>
    public required bool Accepted { get; init; }

    /// <summary>The verifier's reason, or why the sample was rejected before or after verification.</summary>
    public required string Reason { get; init; }

    /// <summary>How generation ended: <c>stop</c>, <c>length</c>, or <c>error</c> when the engine failed.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The model name.</summary>
    public required string Model { get; init; }

    /// <summary>Sampling temperature asked; null: the engine's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Top-p asked; null: the engine's default.</summary>
    public double? TopP { get; init; }

    /// <summary>Top-k asked; null: the engine's default.</summary>
    public int? TopK { get; init; }

    /// <summary>The request's sampling seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Most tokens asked.</summary>
    public required int MaxTokens { get; init; }

    /// <summary>The thinking budget asked; null when none (or thinking off).</summary>
    public int? ThinkingBudget { get; init; }

    /// <summary>Whether the sample was asked in thinking mode.</summary>
    public required bool ThinkingMode { get; init; }

    /// <summary>Prompt tokens, as the engine counted them.</summary>
    public int PromptTokens { get; init; }

    /// <summary>Tokens generated, as the engine counted them.</summary>
    public int OutputTokens { get; init; }

    /// <summary>Seconds from the request's start (a free slot) to its answer.</summary>
    public double Seconds { get; init; }

    /// <summary>Always <c>synth</c>.</summary>
    public string Source => "synth";

    /// <summary><c>accepted</c> or <c>rejected</c>.</summary>
    public string Verdict => Accepted ? "accepted" : "rejected";
}
