using Corpus.Filters.Classification;

namespace Corpus.Pipeline.Classify;

/// <summary>What <see cref="Annotator.AnnotateAsync"/> annotates, and how.</summary>
public sealed record AnnotateOptions
{
    /// <summary>The build folder; annotations go to its <c>annotations/</c> folder.</summary>
    public required string BuildDir { get; init; }

    /// <summary>The model name sent with every request (and recorded with every annotation).</summary>
    public required string Model { get; init; }

    /// <summary>
    /// The folder of document parts, relative to <see cref="BuildDir"/> (e.g. <c>filtered</c>); null takes
    /// the last phase that wrote any: <c>dedup/kept</c>, then <c>filtered</c>, then <c>docs</c>.
    /// </summary>
    public string? InputDir { get; init; }

    /// <summary>Annotate the this many documents with the smallest seeded id hashes; null for no cap.</summary>
    public int? SampleSize { get; init; }

    /// <summary>Annotate documents whose seeded id hash (in [0, 1)) is below this; null for all (or <see cref="SampleSize"/>).</summary>
    public double? SampleRate { get; init; }

    /// <summary>Seed of the sample.</summary>
    public ulong Seed { get; init; }

    /// <summary>Requests in flight at once (the engine may bound them further). Default 16.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>How the prompt is built (how much of each document it holds).</summary>
    public EduPromptOptions Prompt { get; init; } = new();

    /// <summary>Sampling temperature; 0 for the model's most likely answer. Default 0.</summary>
    public double Temperature { get; init; }

    /// <summary>
    /// Let a Qwen3 model think before it answers. Off by default: the user message then ends with
    /// Qwen3's <c>/no_think</c> switch (other models read it as text and ignore it), which makes
    /// answers short and fast. Thinking, when on, is skipped by the parser.
    /// </summary>
    public bool Thinking { get; init; }

    /// <summary>Most tokens per answer. Default 512 (room for the short justification and the two lines).</summary>
    public int MaxTokens { get; init; } = 512;
}
