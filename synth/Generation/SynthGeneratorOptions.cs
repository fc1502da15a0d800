namespace Corpus.Synth.Generation;

/// <summary>How many samples <see cref="SynthGenerator"/> asks for, and how.</summary>
public sealed record SynthGeneratorOptions
{
    /// <summary>The model name sent with each request and written with each sample.</summary>
    public required string Model { get; init; }

    /// <summary>Problems to generate. Default 16.</summary>
    public int Count { get; init; } = 16;

    /// <summary>Samples (independent solutions) per problem, verified together. Default 4.</summary>
    public int SamplesPerProblem { get; init; } = 4;

    /// <summary>Sampling temperature; null: the engine's default (Qwen3's 0.6 thinking, 0.7 not).</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling; null: the engine's default.</summary>
    public double? TopP { get; init; }

    /// <summary>Top-k sampling; null: the engine's default.</summary>
    public int? TopK { get; init; }

    /// <summary>Most tokens per sample, thinking and answer together. Default 2048.</summary>
    public int MaxTokens { get; init; } = 2048;

    /// <summary>Most tokens a problem-writing request may take. Default 512.</summary>
    public int ProblemMaxTokens { get; init; } = 512;

    /// <summary>Most thinking tokens per sample in thinking mode; null: no budget.</summary>
    public int? ThinkingBudget { get; init; }

    /// <summary>The run's seed: each request's sampling seed is derived from it, the problem and the sample. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Requests in flight at once; set it to what the engine's batch holds. Default 16.</summary>
    public int Parallel { get; init; } = 16;
}
