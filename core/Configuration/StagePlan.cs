using System.Collections.Immutable;

namespace Corpus.Core.Configuration;

/// <summary>
/// One pre-training stage: its sequence length, how many tokens it takes, which documents may enter
/// it and the mixture it aims at. The build writes each stage's shards under <c>shards/&lt;name&gt;/</c>.
/// </summary>
public sealed record StagePlan
{
    /// <summary>The stage's folder name under <c>shards/</c> (a-z, 0-9, '-', '_').</summary>
    public required string Name { get; init; }

    /// <summary>Tokens per packed sequence; documents longer than this are split at it.</summary>
    public int ContextLength { get; init; } = 4096;

    /// <summary>Tokens the stage's training split should hold; null: the most its eligible documents give with the mixture's shares held within <see cref="MaxEpochs"/> (at most their own tokens).</summary>
    public long? TokenBudget { get; init; }

    /// <summary>The most copies of one document the stage may take (upsampling cap).</summary>
    public double MaxEpochs { get; init; } = 1;

    /// <summary>Which documents may enter the stage.</summary>
    public StageEligibility Eligibility { get; init; } = new();

    /// <summary>Target token shares by language, domain, source and length.</summary>
    public StageMixture Mixture { get; init; } = new();
}

/// <summary>Which documents a stage may take; an empty list allows every value.</summary>
public sealed record StageEligibility
{
    /// <summary>Shortest document, in tokens (end-of-text included).</summary>
    public long MinTokens { get; init; }

    /// <summary>Longest document, in tokens; null: no limit (documents longer than the context are split).</summary>
    public long? MaxTokens { get; init; }

    /// <summary>Languages (<c>eng_Latn</c> codes) allowed; empty: all.</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Domain labels allowed; empty: all.</summary>
    public ImmutableArray<string> Domains { get; init; } = [];

    /// <summary>Source kinds allowed (<c>file</c>, <c>web</c>, <c>warc</c>, <c>pdf</c>, <c>synthetic</c>); empty: all.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>Lowest educational-value score (0–5) allowed; null: no limit. Documents without a score pass only when this is null.</summary>
    public double? MinEduScore { get; init; }
}

/// <summary>
/// Target token shares per dimension. Each list names groups and their share of the stage's tokens;
/// the shares of one dimension add up to at most 1, and what is left goes to the groups not named,
/// in their natural proportions. An empty list leaves that dimension as the data has it.
/// </summary>
public sealed record StageMixture
{
    /// <summary>Shares by language code.</summary>
    public ImmutableArray<GroupShare> Language { get; init; } = [];

    /// <summary>Shares by domain label.</summary>
    public ImmutableArray<GroupShare> Domain { get; init; } = [];

    /// <summary>Shares by source kind.</summary>
    public ImmutableArray<GroupShare> Source { get; init; } = [];

    /// <summary>Shares by document length, groups named <c>MIN-MAX</c> or <c>MIN-</c> in tokens (MIN inclusive, MAX exclusive).</summary>
    public ImmutableArray<GroupShare> Length { get; init; } = [];
}

/// <summary>One group's target share of a stage's tokens.</summary>
/// <param name="Group">The group: a language code, domain, source kind or length range.</param>
/// <param name="Share">Its share, 0 to 1.</param>
public sealed record GroupShare(string Group, double Share);
